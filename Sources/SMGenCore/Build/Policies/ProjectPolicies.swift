import SMGenYAML

/// The two policies of a project: its members' and its SageMaker execution role's.
/// Neither reaches anything of another project.
enum ProjectPolicies {
    static func member(_ team: Team, _ project: Project, _ context: PlatformContext) -> PolicyDocument {
        let names = context.names
        let prefix = names.resourcePrefix(team.id, project.id)
        var statements = SharedStatements.data(bucket: names.bucket(team.id, project.id))
        statements += SharedStatements.jobs(prefix, context)
        statements.append(SharedStatements.modelsAndEndpoints(prefix))
        statements.append(SharedStatements.modelRegistry(names.modelPackageGroup(team.id, project.id)))
        statements.append(SharedStatements.listSageMaker(context))
        statements.append(SharedStatements.passExecutionRole(names.executionRole(team.id, project.short)))
        if context.config.modules.mlops {
            statements.append(SharedStatements.runPipeline(names.pipeline(team.id, project.id)))
            statements += DeliveryPolicies.memberStatements(team, project, context)
        }
        if project.monitorsModels {
            statements.append(MonitorPolicies.followMonitoring(prefix))
        }
        statements.append(
            PolicyStatement(
                "ReadProjectJobLogs", actions: ["logs:GetLogEvents"], resources: SharedStatements.logStreams(prefix)))
        if context.config.modules.ecr != nil {
            statements.append(SharedStatements.ecrAuthorizationToken())
            statements.append(
                PolicyStatement(
                    "PushProjectImages",
                    actions: [
                        "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload",
                        "ecr:DescribeImages",
                        "ecr:DescribeRepositories", "ecr:GetDownloadUrlForLayer", "ecr:InitiateLayerUpload",
                        "ecr:ListImages",
                        "ecr:PutImage", "ecr:UploadLayerPart",
                    ], resources: [ARN.ecr("repository/\(names.prefix)-\(team.id)-\(project.id)/*")]))
            statements.append(
                PolicyStatement(
                    "PullSharedImages",
                    actions: [
                        "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:DescribeImages",
                        "ecr:GetDownloadUrlForLayer", "ecr:ListImages",
                    ], resources: [ARN.ecr("repository/\(context.config.org.company)-sagemaker-shared/*")]))
        }
        return PolicyDocument(statements)
    }

    /// For an application or pipeline that deploys the project's models: models, endpoint
    /// configurations and endpoints named `{team}-{project}-*`, and the project's role to pass.
    static func deployer(_ team: Team, _ project: Project, _ context: PlatformContext) -> PolicyDocument {
        let names = context.names
        return PolicyDocument([
            SharedStatements.modelsAndEndpoints(names.resourcePrefix(team.id, project.id)),
            SharedStatements.passExecutionRole(names.executionRole(team.id, project.short)),
        ])
    }

    /// For an application that calls the project's endpoints, and nothing else.
    static func invoker(_ team: Team, _ project: Project, _ context: PlatformContext) -> PolicyDocument {
        PolicyDocument([
            PolicyStatement(
                "InvokeProjectEndpoints", actions: ["sagemaker:InvokeEndpoint"],
                resources: [ARN.sageMaker("endpoint/\(context.names.resourcePrefix(team.id, project.id))*")])
        ])
    }

    static func executionRole(_ team: Team, _ project: Project, _ context: PlatformContext) -> PolicyDocument {
        let names = context.names
        let prefix = names.resourcePrefix(team.id, project.id)
        let spacePrefix = "space-\(team.id)-\(project.short)-"
        let domain = context.domainIdExport
        var statements = SharedStatements.data(bucket: names.bucket(team.id, project.id))
        statements.append(
            PolicyStatement(
                "WriteProjectLogs", actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
                resources: SharedStatements.logStreams(prefix) + [
                    ARN.logs("log-group:/aws/sagemaker/studio:log-stream:*/\(spacePrefix)*")
                ]))
        statements.append(
            PolicyStatement(
                "CreateSageMakerLogGroups", actions: ["logs:CreateLogGroup", "logs:DescribeLogStreams"],
                resources: [
                    AWSNames.processingLogGroup, AWSNames.trainingLogGroup, "\(AWSNames.endpointsLogGroup)/\(prefix)*",
                    "/aws/sagemaker/studio",
                ].map { ARN.logs("log-group:\($0)") }))
        statements.append(SharedStatements.ecrAuthorizationToken())
        statements.append(
            PolicyStatement(
                "PullProjectAndSharedImages",
                actions: [
                    "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",
                ],
                resources: [
                    ARN.ecr("repository/\(names.prefix)-\(team.id)-\(project.id)/*"),
                    ARN.ecr("repository/\(context.config.org.company)-sagemaker-shared/*"),
                ]))
        statements += SharedStatements.jobs(prefix, context)
        statements.append(SharedStatements.modelsAndEndpoints(prefix))
        statements.append(SharedStatements.modelRegistry(names.modelPackageGroup(team.id, project.id)))
        statements.append(
            PolicyStatement(
                "UseOwnStudioSpaces",
                actions: [
                    "sagemaker:CreateApp", "sagemaker:DeleteApp", "sagemaker:DescribeApp", "sagemaker:DescribeDomain",
                    "sagemaker:DescribeSpace",
                    "sagemaker:DescribeUserProfile", "sagemaker:UpdateSpace",
                ],
                resources: [
                    ARN.inDomain({ "domain/\($0)" }, domainExport: domain),
                    ARN.inDomain({ "user-profile/\($0)/profile-\(team.id)-\(project.short)-*" }, domainExport: domain),
                    ARN.inDomain({ "space/\($0)/\(spacePrefix)*" }, domainExport: domain),
                    ARN.inDomain({ "app/\($0)/\(spacePrefix)*/*" }, domainExport: domain),
                ]))
        statements.append(
            PolicyStatement(
                "ListStudioAndSageMakerResources",
                actions: SharedStatements.listActions + [
                    "sagemaker:ListApps", "sagemaker:ListSpaces", "sagemaker:ListUserProfiles",
                ], resources: ["*"]))
        statements.append(SharedStatements.passExecutionRole(names.executionRole(team.id, project.short)))
        if project.monitorsModels {
            statements.append(MonitorPolicies.publishDriftMetrics())
            statements.append(MonitorPolicies.writeMonitoringLogs())
        }
        statements.append(
            PolicyStatement(
                "DescribeVpcForJobs",
                actions: [
                    "ec2:DescribeDhcpOptions", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSecurityGroups",
                    "ec2:DescribeSubnets", "ec2:DescribeVpcs",
                ], resources: ["*"]))
        statements.append(
            PolicyStatement(
                "ManageJobNetworkInterfacesInVpc",
                actions: [
                    "ec2:CreateNetworkInterface", "ec2:CreateNetworkInterfacePermission", "ec2:DeleteNetworkInterface",
                    "ec2:DeleteNetworkInterfacePermission",
                ],
                resources: [ARN.ec2("network-interface/*"), ARN.ec2("security-group/*")]
                    + context.environment.vpc.subnets.map { ARN.ec2("subnet/\($0)") },
                conditions: [YAMLEntry("StringEqualsIfExists", .map(["ec2:Vpc": context.vpcArn]))]))
        return PolicyDocument(statements)
    }
}
