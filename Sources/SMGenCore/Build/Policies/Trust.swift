import SMGenYAML

/// Trust policies: which AWS service may assume a role.
enum Trust {
    static let sageMaker = service("sagemaker.amazonaws.com")

    /// Trust for an AWS service (`codebuild.amazonaws.com`...) to assume a role.
    static func service(_ principal: String) -> YAMLValue {
        .map([
            "Version": "2012-10-17",
            "Statement": [
                .map([
                    "Effect": "Allow",
                    "Principal": .map(["Service": .string(principal)]),
                    "Action": "sts:AssumeRole",
                ])
            ],
        ])
    }
}
