import SMGenYAML

/// Statements that a project's members and its execution role both hold: the project's
/// data, jobs (forced into the VPC with the project's security groups), models, endpoints,
/// model package group, and passing the project's role to SageMaker.
enum SharedStatements {
    /// SageMaker list calls, which have no resource-level permissions.
    static let listActions = [
        "sagemaker:ListEndpointConfigs", "sagemaker:ListEndpoints", "sagemaker:ListHyperParameterTuningJobs",
        "sagemaker:ListModelPackageGroups", "sagemaker:ListModels", "sagemaker:ListProcessingJobs",
        "sagemaker:ListTrainingJobs", "sagemaker:ListTransformJobs",
    ]

    static func data(bucket: String) -> [PolicyStatement] {
        [
            PolicyStatement(
                "ListProjectBucket",
                actions: [
                    "s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads", "s3:ListBucketVersions",
                ], resources: [ARN.s3(bucket)]),
            PolicyStatement(
                "ReadWriteProjectData",
                actions: [
                    "s3:AbortMultipartUpload", "s3:DeleteObject", "s3:GetObject", "s3:GetObjectVersion",
                    "s3:ListMultipartUploadParts", "s3:PutObject",
                ], resources: [ARN.s3("\(bucket)/*")]),
        ]
    }

    /// Creating processing, training and tuning jobs only inside the VPC, in its subnets and
    /// with the project's security groups; describing, stopping and tagging the project's jobs.
    static func jobs(_ prefix: String, _ context: PlatformContext) -> [PolicyStatement] {
        let subnets = YAMLValue.strings(context.environment.vpc.subnets)
        func inVpc(_ purpose: String) -> [YAMLEntry] {
            [
                YAMLEntry("Null", .map(["sagemaker:VpcSubnets": "false", "sagemaker:VpcSecurityGroupIds": "false"])),
                YAMLEntry(
                    "ForAllValues:StringEquals",
                    .map([
                        "sagemaker:VpcSubnets": subnets,
                        "sagemaker:VpcSecurityGroupIds": Fn.importValue(context.securityGroupExport(purpose)),
                    ])),
            ]
        }
        return [
            PolicyStatement(
                "CreateProcessingJobsInVpc", actions: ["sagemaker:CreateProcessingJob"],
                resources: [ARN.sageMaker("processing-job/\(prefix)*")], conditions: inVpc("processing")),
            PolicyStatement(
                "CreateTrainingJobsInVpc",
                actions: ["sagemaker:CreateHyperParameterTuningJob", "sagemaker:CreateTrainingJob"],
                resources: [
                    ARN.sageMaker("training-job/\(prefix)*"), ARN.sageMaker("hyper-parameter-tuning-job/\(prefix)*"),
                ],
                conditions: inVpc("training")),
            PolicyStatement(
                "ManageProjectJobs",
                actions: [
                    "sagemaker:AddTags", "sagemaker:CreateTransformJob", "sagemaker:DescribeHyperParameterTuningJob",
                    "sagemaker:DescribeProcessingJob", "sagemaker:DescribeTrainingJob",
                    "sagemaker:DescribeTransformJob",
                    "sagemaker:ListTags", "sagemaker:StopHyperParameterTuningJob", "sagemaker:StopProcessingJob",
                    "sagemaker:StopTrainingJob", "sagemaker:StopTransformJob",
                ],
                resources: ["processing-job", "training-job", "hyper-parameter-tuning-job", "transform-job"].map {
                    ARN.sageMaker("\($0)/\(prefix)*")
                }),
        ]
    }

    static func modelsAndEndpoints(_ prefix: String) -> PolicyStatement {
        PolicyStatement(
            "ManageProjectModelsAndEndpoints",
            actions: [
                "sagemaker:AddTags", "sagemaker:CreateEndpoint", "sagemaker:CreateEndpointConfig",
                "sagemaker:CreateModel",
                "sagemaker:DeleteEndpoint", "sagemaker:DeleteEndpointConfig", "sagemaker:DeleteModel",
                "sagemaker:DescribeEndpoint",
                "sagemaker:DescribeEndpointConfig", "sagemaker:DescribeModel", "sagemaker:InvokeEndpoint",
                "sagemaker:ListTags",
                "sagemaker:UpdateEndpoint",
            ], resources: ["model", "endpoint-config", "endpoint"].map { ARN.sageMaker("\($0)/\(prefix)*") })
    }

    /// The model registry actions of the platform page, on the project's group only.
    static func modelRegistry(_ group: String) -> PolicyStatement {
        PolicyStatement(
            "UseProjectModelRegistry",
            actions: [
                "sagemaker:AddTags", "sagemaker:CreateModelPackage", "sagemaker:CreateModelPackageGroup",
                "sagemaker:DescribeModelPackage",
                "sagemaker:DescribeModelPackageGroup", "sagemaker:ListModelPackages", "sagemaker:UpdateModelPackage",
            ], resources: [ARN.sageMaker("model-package-group/\(group)"), ARN.sageMaker("model-package/\(group)/*")])
    }

    /// `ecr:GetAuthorizationToken` has no resource-level permissions.
    static func ecrAuthorizationToken() -> PolicyStatement {
        PolicyStatement("GetEcrAuthorizationToken", actions: ["ecr:GetAuthorizationToken"], resources: ["*"])
    }

    static func listSageMaker(_ context: PlatformContext) -> PolicyStatement {
        PolicyStatement(
            "ListSageMakerResources",
            actions: listActions + (context.config.modules.mlops ? ["sagemaker:ListPipelines"] : []), resources: ["*"])
    }

    /// Start, follow, stop and retry the project's pipeline and its executions.
    static func runPipeline(_ pipeline: String) -> PolicyStatement {
        PolicyStatement(
            "RunProjectPipeline",
            actions: [
                "sagemaker:DescribePipeline", "sagemaker:DescribePipelineDefinitionForExecution",
                "sagemaker:DescribePipelineExecution",
                "sagemaker:ListPipelineExecutionSteps", "sagemaker:ListPipelineExecutions",
                "sagemaker:ListPipelineParametersForExecution",
                "sagemaker:RetryPipelineExecution", "sagemaker:StartPipelineExecution",
                "sagemaker:StopPipelineExecution",
            ], resources: [ARN.sageMaker("pipeline/\(pipeline)"), ARN.sageMaker("pipeline/\(pipeline)/execution/*")])
    }

    static func passExecutionRole(_ roleName: String) -> PolicyStatement {
        PolicyStatement(
            "PassProjectExecutionRole", actions: ["iam:PassRole"], resources: [ARN.iam("role/\(roleName)")],
            conditions: [YAMLEntry("StringEquals", .map(["iam:PassedToService": "sagemaker.amazonaws.com"]))])
    }

    /// The SageMaker log groups and the project's streams in them (streams are named after jobs).
    static func logStreams(_ prefix: String) -> [YAMLValue] {
        [AWSNames.processingLogGroup, AWSNames.trainingLogGroup].map {
            ARN.logs("log-group:\($0):log-stream:\(prefix)*")
        }
            + [ARN.logs("log-group:\(AWSNames.endpointsLogGroup)/\(prefix)*:log-stream:*")]
    }
}
