import SMGenYAML

/// Resources several stacks declare the same way.
enum CommonResources {
    /// An IAM role that `trust` lets a service assume; its policies are attached separately.
    static func role(_ logicalId: String, name: String, description: String, trust: YAMLValue, tags: YAMLValue)
        -> CloudFormationTemplate.Resource
    {
        .init(
            logicalId, "AWS::IAM::Role",
            properties: [
                YAMLEntry("RoleName", .string(name)),
                YAMLEntry("Description", .string(description)),
                YAMLEntry("AssumeRolePolicyDocument", trust),
                YAMLEntry("Tags", tags),
            ])
    }

    /// A log group with its retention.
    static func logGroup(_ logicalId: String, name: String, retentionDays: Int, tags: YAMLValue)
        -> CloudFormationTemplate.Resource
    {
        .init(
            logicalId, "AWS::Logs::LogGroup",
            properties: [
                YAMLEntry("LogGroupName", .string(name)),
                YAMLEntry("RetentionInDays", .int(retentionDays)),
                YAMLEntry("Tags", tags),
            ])
    }

    /// An SNS topic that this account's CloudWatch alarms and EventBridge rules may publish to.
    static func alarmTopic(_ logicalId: String, name: String, displayName: String, tags: YAMLValue)
        -> [CloudFormationTemplate.Resource]
    {
        [
            .init(
                logicalId, "AWS::SNS::Topic",
                properties: [
                    YAMLEntry("TopicName", .string(name)),
                    YAMLEntry("DisplayName", .string(displayName)),
                    YAMLEntry("Tags", tags),
                ]),
            .init(
                "\(logicalId)Policy", "AWS::SNS::TopicPolicy",
                properties: [
                    YAMLEntry("Topics", [Fn.ref(logicalId)]),
                    YAMLEntry(
                        "PolicyDocument",
                        PolicyDocument([
                            PolicyStatement(
                                "AllowAlarmsAndEventsOfThisAccount", actions: ["sns:Publish"],
                                principal: .map(["Service": ["cloudwatch.amazonaws.com", "events.amazonaws.com"]]),
                                resources: [Fn.ref(logicalId)],
                                conditions: [
                                    YAMLEntry("StringEquals", .map(["aws:SourceAccount": Fn.sub("${AWS::AccountId}")]))
                                ])
                        ]).value),
                ]),
        ]
    }
}
