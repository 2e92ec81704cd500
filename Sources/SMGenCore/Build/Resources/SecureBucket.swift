import SMGenYAML

/// The buckets smgen creates hold data: private, encrypted, versioned, owner-enforced,
/// retained when their stack goes, with a policy denying anything but TLS.
enum SecureBucket {
    /// The bucket resource; `eventBridge` sends its object events to EventBridge.
    static func bucket(_ logicalId: String, name: String, tags: YAMLValue, eventBridge: Bool = false)
        -> CloudFormationTemplate.Resource
    {
        var properties = [
            YAMLEntry("BucketName", .string(name)),
            YAMLEntry("VersioningConfiguration", .map(["Status": "Enabled"])),
            YAMLEntry(
                "BucketEncryption",
                .map([
                    "ServerSideEncryptionConfiguration": [
                        .map([
                            "ServerSideEncryptionByDefault": .map(["SSEAlgorithm": "AES256"]),
                            "BucketKeyEnabled": true,
                        ])
                    ]
                ])),
            YAMLEntry(
                "PublicAccessBlockConfiguration",
                .map([
                    "BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true,
                    "RestrictPublicBuckets": true,
                ])),
            YAMLEntry("OwnershipControls", .map(["Rules": [.map(["ObjectOwnership": "BucketOwnerEnforced"])]])),
            YAMLEntry(
                "LifecycleConfiguration",
                .map([
                    "Rules": [
                        .map([
                            "Id": "ExpireNoncurrentVersions", "Status": "Enabled",
                            "NoncurrentVersionExpiration": .map(["NoncurrentDays": 90]),
                        ]),
                        .map([
                            "Id": "AbortIncompleteMultipartUploads", "Status": "Enabled",
                            "AbortIncompleteMultipartUpload": .map(["DaysAfterInitiation": 7]),
                        ]),
                    ]
                ])),
        ]
        if eventBridge {
            properties.append(
                YAMLEntry(
                    "NotificationConfiguration", .map(["EventBridgeConfiguration": .map(["EventBridgeEnabled": true])]))
            )
        }
        properties.append(YAMLEntry("Tags", tags))
        return .init(logicalId, "AWS::S3::Bucket", retain: true, properties: properties)
    }

    /// The policy of the bucket `logicalId` (named `name`): TLS only.
    static func policy(_ logicalId: String, bucket bucketLogicalId: String, name: String)
        -> CloudFormationTemplate.Resource
    {
        .init(
            logicalId, "AWS::S3::BucketPolicy",
            properties: [
                YAMLEntry("Bucket", Fn.ref(bucketLogicalId)),
                YAMLEntry("PolicyDocument", tlsOnly(name).value),
            ])
    }

    /// Deny any access to the bucket that does not use TLS.
    static func tlsOnly(_ bucket: String) -> PolicyDocument {
        PolicyDocument([
            PolicyStatement(
                "DenyInsecureTransport", allow: false, actions: ["s3:*"], principal: "*",
                resources: [ARN.s3(bucket), ARN.s3("\(bucket)/*")],
                conditions: [YAMLEntry("Bool", .map(["aws:SecureTransport": "false"]))])
        ])
    }
}
