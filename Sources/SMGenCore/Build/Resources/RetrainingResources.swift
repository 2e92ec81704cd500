import SMGenYAML

/// A project's retraining on drift (module `mlops`, models with `monitor: true`): the drift
/// topic its endpoints' drift alarms notify, a function (inline Python, from
/// `templates/lambda/retrain.py`) subscribed to it that starts the project's pipeline, and the
/// retraining topic the function publishes a notice to, for people to subscribe to.
enum RetrainingResources {
    static let runtime = "python3.13"

    static func add(to template: inout CloudFormationTemplate, team: Team, project: Project, context: PlatformContext) {
        let names = context.names
        let tags = context.projectTags(team, project)
        let function = names.retrainFunction(team.id, project.id)
        for resource in CommonResources.alarmTopic(
            "DriftTopic", name: names.driftTopic(team.id, project.id),
            displayName: "\(team.id)/\(project.id) data drift", tags: tags)
        {
            template.add(resource)
        }
        template.add(
            .init(
                "RetrainingTopic", "AWS::SNS::Topic",
                properties: [
                    YAMLEntry("TopicName", .string(names.retrainingTopic(team.id, project.id))),
                    YAMLEntry("DisplayName", .string("\(team.id)/\(project.id) retraining")),
                    YAMLEntry("Tags", tags),
                ]))
        let retrainRole = CommonResources.role(
            "RetrainRole", name: names.retrainRole(team.id, project.short),
            description: "Retraining function of \(team.id)/\(project.id): starts its pipeline, publishes a notice",
            trust: Trust.service("lambda.amazonaws.com"), tags: tags)
        let retrainPolicies = RolePolicies.add(
            retrainRole, policy: MonitorPolicies.retrain(team, project, context), to: &template,
            logicalId: "RetrainPolicy",
            name: names.retrainPolicy(team.id, project.id),
            description: "Retraining of \(team.id)/\(project.id): its pipeline, its notice topic, its logs",
            context: context)
        template.add(
            CommonResources.logGroup(
                "RetrainLogGroup", name: "/aws/lambda/\(function)", retentionDays: MLOpsStack.logRetentionDays,
                tags: tags))
        guard let code = EmbeddedTemplates.files["lambda/retrain.py"] else {
            preconditionFailure("no template lambda/retrain.py")
        }
        template.add(
            .init(
                "RetrainFunction", "AWS::Lambda::Function", dependsOn: retrainPolicies + ["RetrainLogGroup"],
                properties: [
                    YAMLEntry("FunctionName", .string(function)),
                    YAMLEntry(
                        "Description",
                        .string(
                            "Starts \(names.pipeline(team.id, project.id)) when a drift alarm of \(team.id)/\(project.id) fires"
                        )),
                    YAMLEntry("Runtime", .string(runtime)),
                    YAMLEntry("Handler", "index.handler"),
                    YAMLEntry("Role", Fn.getAtt("RetrainRole", "Arn")),
                    YAMLEntry("Timeout", 30),
                    YAMLEntry("MemorySize", 128),
                    YAMLEntry(
                        "Environment",
                        .map([
                            "Variables": .map([
                                "PIPELINE_NAME": .string(names.pipeline(team.id, project.id)),
                                "NOTICE_TOPIC_ARN": Fn.ref("RetrainingTopic"),
                            ])
                        ])),
                    YAMLEntry("Code", .map(["ZipFile": .string(code)])),
                    YAMLEntry("Tags", tags),
                ]))
        template.add(
            .init(
                "RetrainInvokePermission", "AWS::Lambda::Permission",
                properties: [
                    YAMLEntry("FunctionName", Fn.ref("RetrainFunction")),
                    YAMLEntry("Action", "lambda:InvokeFunction"),
                    YAMLEntry("Principal", "sns.amazonaws.com"),
                    YAMLEntry("SourceArn", Fn.ref("DriftTopic")),
                ]))
        template.add(
            .init(
                "RetrainSubscription", "AWS::SNS::Subscription", dependsOn: ["RetrainInvokePermission"],
                properties: [
                    YAMLEntry("TopicArn", Fn.ref("DriftTopic")),
                    YAMLEntry("Protocol", "lambda"),
                    YAMLEntry("Endpoint", Fn.getAtt("RetrainFunction", "Arn")),
                ]))
    }
}
