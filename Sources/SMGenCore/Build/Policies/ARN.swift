import SMGenYAML

/// Builders of ARNs as `!Sub` values, with the partition, region and account left to
/// CloudFormation. IAM policy variables are written `${!aws:username}` (escaped for `!Sub`).
public enum ARN {
    public static let partition = "${AWS::Partition}"
    public static let userNameVariable = "${!aws:username}"
    /// The same variable where CloudFormation leaves text as it is (outside `!Sub`): in a condition's value.
    public static let plainUserNameVariable = "${aws:username}"

    public static func s3(_ path: String) -> YAMLValue { Fn.sub("arn:\(partition):s3:::\(path)") }
    public static func iam(_ resource: String) -> YAMLValue {
        Fn.sub("arn:\(partition):iam::${AWS::AccountId}:\(resource)")
    }
    public static func regional(_ service: String, _ resource: String) -> String {
        "arn:\(partition):\(service):${AWS::Region}:${AWS::AccountId}:\(resource)"
    }
    public static func sageMaker(_ resource: String) -> YAMLValue { Fn.sub(regional("sagemaker", resource)) }
    public static func logs(_ resource: String) -> YAMLValue { Fn.sub(regional("logs", resource)) }
    public static func ecr(_ resource: String) -> YAMLValue { Fn.sub(regional("ecr", resource)) }
    public static func ec2(_ resource: String) -> YAMLValue { Fn.sub(regional("ec2", resource)) }
    public static func codeBuild(_ project: String) -> YAMLValue { Fn.sub(regional("codebuild", "project/\(project)")) }
    public static func codePipeline(_ pipeline: String) -> YAMLValue { Fn.sub(regional("codepipeline", pipeline)) }

    /// A SageMaker Studio ARN inside the platform's domain (`${DomainId}` comes from the domain stack).
    public static func inDomain(_ resource: (String) -> String, domainExport: String) -> YAMLValue {
        Fn.sub(regional("sagemaker", resource("${DomainId}")), [YAMLEntry("DomainId", Fn.importValue(domainExport))])
    }
}
