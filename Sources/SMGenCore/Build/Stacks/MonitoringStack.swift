import SMGenYAML

/// Module `monitoring`: the SageMaker job log groups with their retention, the alarm topic
/// (with the optional email subscription), and a rule that reports failed training jobs of
/// the platform's projects to the topic. Endpoint log groups and alarms live with the
/// endpoints, in each project's models stack.
enum MonitoringStack {
    static func build(_ module: MonitoringModule, _ context: PlatformContext) -> CloudFormationTemplate {
        let names = context.names
        var template = CloudFormationTemplate(
            description: "smgen: SageMaker log retention, alarm topic and training failure alerts")
        template.add(
            CommonResources.logGroup(
                "ProcessingJobsLogGroup", name: AWSNames.processingLogGroup,
                retentionDays: module.processingRetentionDays, tags: context.tags()))
        template.add(
            CommonResources.logGroup(
                "TrainingJobsLogGroup", name: AWSNames.trainingLogGroup,
                retentionDays: module.trainingRetentionDays, tags: context.tags()))
        for resource in CommonResources.alarmTopic(
            "AlarmTopic", name: names.alarmTopic, displayName: "\(context.config.org.company) SageMaker alarms",
            tags: context.tags())
        {
            template.add(resource)
        }
        if !module.alarmEmail.isEmpty {
            template.add(
                .init(
                    "AlarmEmailSubscription", "AWS::SNS::Subscription",
                    properties: [
                        YAMLEntry("TopicArn", Fn.ref("AlarmTopic")),
                        YAMLEntry("Protocol", "email"),
                        YAMLEntry("Endpoint", .string(module.alarmEmail)),
                    ]))
        }
        let prefixes = context.config.teams.flatMap { team in
            team.projects.map { YAMLValue.map(["prefix": .string(names.resourcePrefix(team.id, $0.id))]) }
        }
        if !prefixes.isEmpty {
            template.add(
                .init(
                    "TrainingJobFailedRule", "AWS::Events::Rule",
                    properties: [
                        YAMLEntry("Description", "A training job of a platform project failed"),
                        YAMLEntry("State", "ENABLED"),
                        YAMLEntry("EventPattern", failedTrainingJobs(prefixes: prefixes)),
                        YAMLEntry("Targets", [.map(["Id": "AlarmTopic", "Arn": Fn.ref("AlarmTopic")])]),
                    ]))
        }
        template.output(
            "AlarmTopicArn", "The topic alarms notify", Fn.ref("AlarmTopic"), export: context.alarmTopicExport)
        return template
    }

    /// Failed training jobs of the projects: by their names' project prefixes while those fit
    /// one pattern (some 70 projects), otherwise by the role they run as (a project's jobs run
    /// as its execution role, and every role of the platform is named `SageMaker-...`).
    private static func failedTrainingJobs(prefixes: [YAMLValue]) -> YAMLValue {
        func pattern(_ match: YAMLEntry) -> YAMLValue {
            .map([
                YAMLEntry("source", ["aws.sagemaker"]),
                YAMLEntry("detail-type", ["SageMaker Training Job State Change"]),
                YAMLEntry("detail", .map([YAMLEntry("TrainingJobStatus", ["Failed"]), match])),
            ])
        }
        let byName = pattern(YAMLEntry("TrainingJobName", .list(prefixes)))
        if JSONWriter.compactSize(byName) <= AWSLimits.eventPatternCharacters { return byName }
        return pattern(
            YAMLEntry(
                "RoleArn", [.map(["prefix": Fn.sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/SageMaker-")])]))
    }
}
