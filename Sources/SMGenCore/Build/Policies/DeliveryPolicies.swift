import SMGenYAML

/// The policies of a project's CI/CD (module `mlops`): its build, its delivery pipeline and,
/// with an S3 source, the rule that starts the delivery on upload. Each reaches the
/// project's own artifact bucket, build, pipelines and code prefix only.
enum DeliveryPolicies {
    /// CodeBuild: read the source, write its logs, upload the pipeline scripts, start the pipeline.
    static func build(_ team: Team, _ project: Project, _ context: PlatformContext) -> PolicyDocument {
        let names = context.names
        let artifacts = names.artifactBucket(team.id, project.id)
        return PolicyDocument([
            PolicyStatement(
                "WriteBuildLogs", actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
                resources: [ARN.logs("log-group:\(names.buildLogGroup(team.id, project.id)):log-stream:*")]),
            PolicyStatement(
                "ReadSourceArtifacts", actions: ["s3:GetObject", "s3:GetObjectVersion"],
                resources: [ARN.s3("\(artifacts)/*")]),
            PolicyStatement("LocateArtifactBucket", actions: ["s3:GetBucketLocation"], resources: [ARN.s3(artifacts)]),
            PolicyStatement(
                "UploadPipelineCode", actions: ["s3:PutObject"],
                resources: [ARN.s3("\(names.bucket(team.id, project.id))/code/*")]),
            startPipeline(names.pipeline(team.id, project.id)),
        ])
    }

    /// CodePipeline: its artifacts, its build, and the git connection.
    static func delivery(_ team: Team, _ project: Project, _ context: PlatformContext) -> PolicyDocument {
        let names = context.names
        let artifacts = names.artifactBucket(team.id, project.id)
        var statements = [
            PolicyStatement(
                "UseArtifacts", actions: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"],
                resources: [ARN.s3("\(artifacts)/*")]),
            PolicyStatement(
                "UseArtifactBucket", actions: ["s3:GetBucketLocation", "s3:GetBucketVersioning"],
                resources: [ARN.s3(artifacts)]),
            PolicyStatement(
                "RunBuild", actions: ["codebuild:BatchGetBuilds", "codebuild:StartBuild"],
                resources: [ARN.codeBuild(names.buildProject(team.id, project.id))]),
        ]
        if case .git = context.config.modules.mlopsSource {
            statements.append(
                PolicyStatement(
                    "UseGitConnection", actions: ["codestar-connections:UseConnection"],
                    resources: [Fn.importValue(context.gitConnectionExport)]))
        }
        return PolicyDocument(statements)
    }

    /// EventBridge: start the delivery pipeline when a new source zip lands.
    static func sourceEvents(_ team: Team, _ project: Project, _ context: PlatformContext) -> PolicyDocument {
        PolicyDocument([
            PolicyStatement(
                "StartDelivery", actions: ["codepipeline:StartPipelineExecution"],
                resources: [ARN.codePipeline(context.names.deliveryPipeline(team.id, project.id))])
        ])
    }

    /// What a project's members need of its CI/CD: follow and start the delivery, read the
    /// build and its logs, and (with an S3 source) upload the source zip.
    static func memberStatements(_ team: Team, _ project: Project, _ context: PlatformContext) -> [PolicyStatement] {
        let names = context.names
        var statements = [
            PolicyStatement(
                "RunProjectDelivery",
                actions: [
                    "codepipeline:GetPipeline", "codepipeline:GetPipelineExecution", "codepipeline:GetPipelineState",
                    "codepipeline:ListPipelineExecutions", "codepipeline:StartPipelineExecution",
                ], resources: [ARN.codePipeline(names.deliveryPipeline(team.id, project.id))]),
            PolicyStatement(
                "FollowProjectBuild", actions: ["codebuild:BatchGetBuilds", "codebuild:ListBuildsForProject"],
                resources: [ARN.codeBuild(names.buildProject(team.id, project.id))]),
            PolicyStatement(
                "ReadProjectBuildLogs", actions: ["logs:GetLogEvents"],
                resources: [ARN.logs("log-group:\(names.buildLogGroup(team.id, project.id)):log-stream:*")]),
        ]
        if context.config.modules.mlopsSource == .s3 {
            statements.append(
                PolicyStatement(
                    "UploadProjectSource", actions: ["s3:PutObject"],
                    resources: [ARN.s3("\(names.artifactBucket(team.id, project.id))/\(AWSNames.sourceObjectKey)")]))
        }
        return statements
    }

    private static func startPipeline(_ pipeline: String) -> PolicyStatement {
        PolicyStatement(
            "StartProjectPipeline",
            actions: [
                "sagemaker:DescribePipeline", "sagemaker:DescribePipelineExecution", "sagemaker:StartPipelineExecution",
            ], resources: [ARN.sageMaker("pipeline/\(pipeline)"), ARN.sageMaker("pipeline/\(pipeline)/execution/*")])
    }
}
