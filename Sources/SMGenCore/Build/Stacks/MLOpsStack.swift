import SMGenYAML

/// A project's MLOps loop (module `mlops`): its SageMaker pipeline (see `PipelineDefinition`),
/// run by the project's execution role, and its delivery: an artifact bucket, a build that
/// tests the code, uploads the pipeline scripts and starts the pipeline, and a CodePipeline
/// from the source (a zip in the artifact bucket, or a git repository) to that build. Every
/// role is the project's own and reaches the project's resources only.
enum MLOpsStack {
    static let buildImage = "aws/codebuild/standard:7.0"
    /// Retention of the build's and the retraining function's logs.
    static let logRetentionDays = 30

    static func build(_ team: Team, _ project: Project, _ context: PlatformContext) -> CloudFormationTemplate {
        let names = context.names
        var template = CloudFormationTemplate(
            description: "smgen: MLOps loop of \(team.id)/\(project.id): pipeline and delivery")
        let tags = context.projectTags(team, project)
        let roleArn = Fn.importValue(context.executionRoleArnExport(team, project))
        let definition = JSONWriter.write(PipelineDefinition.build(team, project, context))
        template.add(
            .init(
                "Pipeline", "AWS::SageMaker::Pipeline",
                properties: [
                    YAMLEntry("PipelineName", .string(names.pipeline(team.id, project.id))),
                    YAMLEntry(
                        "PipelineDescription",
                        .string(
                            "Preprocess, train, evaluate, and register \(team.id)/\(project.id)'s model when accurate enough"
                        )),
                    YAMLEntry("RoleArn", roleArn),
                    YAMLEntry(
                        "PipelineDefinition",
                        .map([
                            "PipelineDefinitionBody": Fn.sub(
                                definition,
                                [
                                    YAMLEntry("ExecutionRoleArn", roleArn),
                                    YAMLEntry(
                                        "ProcessingSecurityGroupId",
                                        Fn.importValue(context.securityGroupExport("processing"))),
                                    YAMLEntry(
                                        "TrainingSecurityGroupId",
                                        Fn.importValue(context.securityGroupExport("training"))),
                                ])
                        ])),
                    YAMLEntry("Tags", tags),
                ]))
        addDelivery(team, project, context, to: &template)
        if project.monitorsModels {
            RetrainingResources.add(to: &template, team: team, project: project, context: context)
        }
        return template
    }

    private static func addDelivery(
        _ team: Team, _ project: Project, _ context: PlatformContext, to template: inout CloudFormationTemplate
    ) {
        let names = context.names
        let tags = context.projectTags(team, project)
        let artifacts = names.artifactBucket(team.id, project.id)
        let s3Source = context.config.modules.mlopsSource == .s3
        let buildName = names.buildProject(team.id, project.id)
        let deliveryName = names.deliveryPipeline(team.id, project.id)
        template.add(SecureBucket.bucket("ArtifactBucket", name: artifacts, tags: tags, eventBridge: s3Source))
        template.add(SecureBucket.policy("ArtifactBucketPolicy", bucket: "ArtifactBucket", name: artifacts))

        let buildRole = CommonResources.role(
            "BuildRole", name: names.buildRole(team.id, project.short),
            description:
                "CodeBuild role of \(team.id)/\(project.id): tests, uploads the pipeline code, starts the pipeline",
            trust: Trust.service("codebuild.amazonaws.com"), tags: tags)
        let buildPolicies = RolePolicies.add(
            buildRole, policy: DeliveryPolicies.build(team, project, context), to: &template, logicalId: "BuildPolicy",
            name: names.buildPolicy(team.id, project.id),
            description: "Build of \(team.id)/\(project.id): its artifacts, code prefix, logs and pipeline",
            context: context)
        template.add(
            CommonResources.logGroup(
                "BuildLogGroup", name: names.buildLogGroup(team.id, project.id), retentionDays: logRetentionDays,
                tags: tags))
        template.add(
            .init(
                "Build", "AWS::CodeBuild::Project", dependsOn: buildPolicies + ["BuildLogGroup"],
                properties: [
                    YAMLEntry("Name", .string(buildName)),
                    YAMLEntry(
                        "Description",
                        .string(
                            "Tests \(team.id)/\(project.id)'s code, uploads its pipeline scripts and starts \(names.pipeline(team.id, project.id))"
                        )),
                    YAMLEntry("ServiceRole", Fn.getAtt("BuildRole", "Arn")),
                    YAMLEntry(
                        "Source", .map(["Type": "CODEPIPELINE", "BuildSpec": .string(YAMLWriter.write(buildSpec))])),
                    YAMLEntry("Artifacts", .map(["Type": "CODEPIPELINE"])),
                    YAMLEntry(
                        "Environment",
                        .map([
                            "Type": "LINUX_CONTAINER", "ComputeType": "BUILD_GENERAL1_SMALL",
                            "Image": .string(buildImage),
                            "EnvironmentVariables": [
                                .map([
                                    "Name": "PROJECT_BUCKET", "Type": "PLAINTEXT",
                                    "Value": .string(names.bucket(team.id, project.id)),
                                ]),
                                .map([
                                    "Name": "PIPELINE_NAME", "Type": "PLAINTEXT",
                                    "Value": .string(names.pipeline(team.id, project.id)),
                                ]),
                            ],
                        ])),
                    YAMLEntry(
                        "LogsConfig",
                        .map([
                            "CloudWatchLogs": .map([
                                "Status": "ENABLED", "GroupName": .string(names.buildLogGroup(team.id, project.id)),
                            ])
                        ])),
                    YAMLEntry("TimeoutInMinutes", 30),
                    YAMLEntry("Tags", tags),
                ]))

        let deliveryRole = CommonResources.role(
            "DeliveryRole", name: names.deliveryRole(team.id, project.short),
            description:
                "CodePipeline role of \(team.id)/\(project.id): its artifacts, its build\(s3Source ? "" : " and the git connection")",
            trust: Trust.service("codepipeline.amazonaws.com"), tags: tags)
        let deliveryPolicies = RolePolicies.add(
            deliveryRole, policy: DeliveryPolicies.delivery(team, project, context), to: &template,
            logicalId: "DeliveryPolicy",
            name: names.deliveryPolicy(team.id, project.id),
            description: "Delivery of \(team.id)/\(project.id): its artifacts and build", context: context)
        let source: YAMLValue
        switch context.config.modules.mlopsSource {
        case .s3:
            source = action(
                "Source", category: "Source", provider: "S3",
                configuration: [
                    "S3Bucket": Fn.ref("ArtifactBucket"), "S3ObjectKey": .string(AWSNames.sourceObjectKey),
                    "PollForSourceChanges": false,
                ], output: "Source")
        case .git:
            source = action(
                "Source", category: "Source", provider: "CodeStarSourceConnection",
                configuration: [
                    "ConnectionArn": Fn.importValue(context.gitConnectionExport),
                    "FullRepositoryId": .string(project.pipeline.repository ?? ""),
                    "BranchName": .string(project.pipeline.branch),
                    "OutputArtifactFormat": "CODE_ZIP",
                    "DetectChanges": true,
                ], output: "Source")
        }
        let build = action(
            "TestAndStartPipeline", category: "Build", provider: "CodeBuild",
            configuration: ["ProjectName": Fn.ref("Build")], input: "Source")
        template.add(
            .init(
                "Delivery", "AWS::CodePipeline::Pipeline", dependsOn: deliveryPolicies,
                properties: [
                    YAMLEntry("Name", .string(deliveryName)),
                    YAMLEntry("PipelineType", "V2"),
                    YAMLEntry("RoleArn", Fn.getAtt("DeliveryRole", "Arn")),
                    YAMLEntry("ArtifactStore", .map(["Type": "S3", "Location": Fn.ref("ArtifactBucket")])),
                    YAMLEntry(
                        "Stages",
                        [
                            .map(["Name": "Source", "Actions": [source]]),
                            .map(["Name": "Build", "Actions": [build]]),
                        ]),
                    YAMLEntry("Tags", tags),
                ]))

        guard s3Source else { return }
        // A new source zip starts the delivery (S3 sends the bucket's events to EventBridge).
        let sourceEventsRole = CommonResources.role(
            "SourceEventsRole", name: names.sourceEventsRole(team.id, project.short),
            description: "Starts \(deliveryName) when a new source zip is uploaded",
            trust: Trust.service("events.amazonaws.com"), tags: tags)
        let sourceEventsPolicies = RolePolicies.add(
            sourceEventsRole, policy: DeliveryPolicies.sourceEvents(team, project, context), to: &template,
            logicalId: "SourceEventsPolicy",
            name: names.sourceEventsPolicy(team.id, project.id),
            description: "Start the delivery of \(team.id)/\(project.id)", context: context)
        template.add(
            .init(
                "SourceUploaded", "AWS::Events::Rule", dependsOn: sourceEventsPolicies,
                properties: [
                    YAMLEntry(
                        "Description",
                        .string("A new \(AWSNames.sourceObjectKey) in \(artifacts) starts \(deliveryName)")),
                    YAMLEntry(
                        "EventPattern",
                        .map([
                            "source": ["aws.s3"],
                            "detail-type": ["Object Created"],
                            "detail": .map([
                                "bucket": .map(["name": .strings([artifacts])]),
                                "object": .map(["key": .strings([AWSNames.sourceObjectKey])]),
                            ]),
                        ])),
                    YAMLEntry(
                        "Targets",
                        [
                            .map([
                                "Id": "Delivery",
                                "Arn": ARN.codePipeline(deliveryName),
                                "RoleArn": Fn.getAtt("SourceEventsRole", "Arn"),
                            ])
                        ]),
                ]))
    }

    /// What the build runs: the project's tests (when it has any), then the pipeline scripts
    /// to the project bucket's `code/` prefix, then a pipeline execution.
    static var buildSpec: YAMLValue {
        .map([
            "version": "0.2",
            "phases": .map([
                "install": .map([
                    "runtime-versions": .map(["python": "3.12"]),
                    "commands": ["if [ -f requirements.txt ]; then pip install -r requirements.txt; fi"],
                ]),
                "build": .map([
                    "commands": [
                        "if [ -d tests ]; then pip install pytest && python -m pytest -q tests; fi",
                        "aws s3 cp pipeline/preprocess.py \"s3://$PROJECT_BUCKET/code/preprocess.py\"",
                        "aws s3 cp pipeline/evaluate.py \"s3://$PROJECT_BUCKET/code/evaluate.py\"",
                        "tar czf source.tar.gz -C pipeline train.py",
                        "aws s3 cp source.tar.gz \"s3://$PROJECT_BUCKET/code/source.tar.gz\"",
                        "aws sagemaker start-pipeline-execution --pipeline-name \"$PIPELINE_NAME\" --pipeline-execution-display-name \"build-$CODEBUILD_BUILD_NUMBER\"",
                    ]
                ]),
            ]),
        ])
    }

    private static func action(
        _ name: String, category: String, provider: String, configuration: KeyValuePairs<String, YAMLValue>,
        input: String? = nil, output: String? = nil
    ) -> YAMLValue {
        var entries = [
            YAMLEntry("Name", .string(name)),
            YAMLEntry(
                "ActionTypeId",
                .map(["Category": .string(category), "Owner": "AWS", "Provider": .string(provider), "Version": "1"])),
            YAMLEntry("Configuration", .map(configuration)),
        ]
        if let input { entries.append(YAMLEntry("InputArtifacts", [.map(["Name": .string(input)])])) }
        if let output { entries.append(YAMLEntry("OutputArtifacts", [.map(["Name": .string(output)])])) }
        return .map(entries)
    }
}
