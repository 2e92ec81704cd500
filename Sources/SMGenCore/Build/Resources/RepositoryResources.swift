import SMGenYAML

/// ECR repositories (module `ecr`): scan on push, encrypted, a lifecycle policy keeping the
/// last `keep_images` images; retained, since they hold images.
enum RepositoryResources {
    static func repository(_ logicalId: String, name: String, keepImages: Int, tags: YAMLValue)
        -> CloudFormationTemplate.Resource
    {
        let lifecycle: YAMLValue = .map([
            "rules": [
                .map([
                    "rulePriority": 1,
                    "description": .string("Keep the last \(keepImages) images"),
                    "selection": .map([
                        "tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": .int(keepImages),
                    ]),
                    "action": .map(["type": "expire"]),
                ])
            ]
        ])
        return .init(
            logicalId, "AWS::ECR::Repository", retain: true,
            properties: [
                YAMLEntry("RepositoryName", .string(name)),
                YAMLEntry("ImageScanningConfiguration", .map(["ScanOnPush": true])),
                YAMLEntry("EncryptionConfiguration", .map(["EncryptionType": "AES256"])),
                YAMLEntry("LifecyclePolicy", .map(["LifecyclePolicyText": .string(JSONWriter.write(lifecycle))])),
                YAMLEntry("Tags", tags),
            ])
    }
}
