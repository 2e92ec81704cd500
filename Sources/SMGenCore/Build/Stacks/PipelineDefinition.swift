import SMGenYAML

/// A project's SageMaker pipeline, as the pipeline definition JSON (version 2020-12-01):
/// Preprocess (processing) -> Train -> Evaluate (processing, writes `evaluation.json`) ->
/// CheckAccuracy (condition on the AccuracyThreshold parameter) -> RegisterModel into the
/// project's model package group (status from the ModelApprovalStatus parameter, pending
/// manual approval by default), or Fail.
///
/// Every job runs in the VPC's subnets with the project's security groups and execution
/// role, and is named with the project's prefix so the project's policies reach it. The
/// scripts come from the project bucket's `code/` prefix (the project's build uploads them).
/// Values CloudFormation knows are left as `${ExecutionRoleArn}`, `${ProcessingSecurityGroupId}`,
/// `${TrainingSecurityGroupId}` and `${AWS::...}` for the template's `!Sub`.
enum PipelineDefinition {
    /// The steps that start jobs, by the suffix of their job name prefix.
    static let jobSteps = ["prep", "train", "eval"]

    static func build(_ team: Team, _ project: Project, _ context: PlatformContext) -> YAMLValue {
        let names = context.names
        let bucket = names.bucket(team.id, project.id)
        let subnets = YAMLValue.strings(context.environment.vpc.subnets)
        let get = { (path: String) -> YAMLValue in .map(["Get": .string(path)]) }
        /// `s3://{bucket}/pipelines/{execution id}/{part}`: each execution writes apart.
        let executionPath = { (part: String) -> YAMLValue in
            .map([
                "Std:Join": .map([
                    "On": "/",
                    "Values": [
                        .string("s3://\(bucket)/pipelines"), get("Execution.PipelineExecutionId"), .string(part),
                    ],
                ])
            ])
        }
        let preprocessOutput = { (name: String) in
            get("Steps.Preprocess.ProcessingOutputConfig.Outputs['\(name)'].S3Output.S3Uri")
        }
        let modelArtifacts = get("Steps.Train.ModelArtifacts.S3ModelArtifacts")

        func input(_ name: String, _ uri: YAMLValue) -> YAMLValue {
            .map([
                "InputName": .string(name),
                "S3Input": .map([
                    "S3Uri": uri, "LocalPath": .string("/opt/ml/processing/input/\(name)"), "S3DataType": "S3Prefix",
                    "S3InputMode": "File", "S3DataDistributionType": "FullyReplicated",
                ]),
            ])
        }
        func processing(_ name: String, job: String, script: String, inputs: [YAMLValue], outputs: [String])
            -> [YAMLEntry]
        {
            [
                YAMLEntry("Name", .string(name)),
                YAMLEntry("Type", "Processing"),
                YAMLEntry(
                    "Arguments",
                    .map([
                        "ProcessingJobName": .string(names.pipelineJob(team.id, project.id, job)),
                        "RoleArn": "${ExecutionRoleArn}",
                        "AppSpecification": .map([
                            "ImageUri": .string(
                                PipelineImages.image(.processing, team: team.id, project: project.id, context)),
                            "ContainerEntrypoint": ["python3", .string("/opt/ml/processing/input/code/\(script)")],
                        ]),
                        "ProcessingResources": .map([
                            "ClusterConfig": .map([
                                "InstanceCount": 1, "InstanceType": get("Parameters.InstanceType"),
                                "VolumeSizeInGB": 30,
                            ])
                        ]),
                        "ProcessingInputs": .list(inputs + [input("code", .string("s3://\(bucket)/code/"))]),
                        "ProcessingOutputConfig": .map([
                            "Outputs": .list(
                                outputs.map { output in
                                    .map([
                                        "OutputName": .string(output),
                                        "S3Output": .map([
                                            "S3Uri": executionPath("\(job)/\(output)"),
                                            "LocalPath": .string("/opt/ml/processing/output/\(output)"),
                                            "S3UploadMode": "EndOfJob",
                                        ]),
                                    ])
                                })
                        ]),
                        "NetworkConfig": .map([
                            "EnableInterContainerTrafficEncryption": true,
                            "VpcConfig": .map([
                                "SecurityGroupIds": ["${ProcessingSecurityGroupId}"], "Subnets": subnets,
                            ]),
                        ]),
                        "StoppingCondition": .map(["MaxRuntimeInSeconds": 3600]),
                    ])),
            ]
        }

        let preprocess = YAMLValue.map(
            processing(
                "Preprocess", job: "prep", script: "preprocess.py",
                inputs: [input("data", get("Parameters.InputData"))], outputs: ["train", "validation", "test"]))
        let train = YAMLValue.map([
            "Name": "Train",
            "Type": "Training",
            "Arguments": .map([
                "TrainingJobName": .string(names.pipelineJob(team.id, project.id, "train")),
                "RoleArn": "${ExecutionRoleArn}",
                "AlgorithmSpecification": .map([
                    "TrainingImage": .string(
                        PipelineImages.image(.training, team: team.id, project: project.id, context)),
                    "TrainingInputMode": "File",
                ]),
                // The framework containers' script mode: JSON-encoded values, as the SageMaker SDK writes them.
                "HyperParameters": .map([
                    "sagemaker_program": "\"train.py\"",
                    "sagemaker_submit_directory": .string("\"s3://\(bucket)/code/source.tar.gz\""),
                ]),
                "InputDataConfig": .list(
                    ["train", "validation"].map { channel in
                        .map([
                            "ChannelName": .string(channel),
                            "DataSource": .map([
                                "S3DataSource": .map([
                                    "S3DataType": "S3Prefix", "S3Uri": preprocessOutput(channel),
                                    "S3DataDistributionType": "FullyReplicated",
                                ])
                            ]),
                        ])
                    }),
                "OutputDataConfig": .map(["S3OutputPath": executionPath("train")]),
                "ResourceConfig": .map([
                    "InstanceCount": 1, "InstanceType": get("Parameters.InstanceType"), "VolumeSizeInGB": 30,
                ]),
                "StoppingCondition": .map(["MaxRuntimeInSeconds": 86_400]),
                "EnableInterContainerTrafficEncryption": true,
                "VpcConfig": .map(["SecurityGroupIds": ["${TrainingSecurityGroupId}"], "Subnets": subnets]),
            ]),
        ])
        var evaluate = processing(
            "Evaluate", job: "eval", script: "evaluate.py",
            inputs: [input("model", modelArtifacts), input("test", preprocessOutput("test"))], outputs: ["evaluation"])
        evaluate.append(
            YAMLEntry(
                "PropertyFiles",
                [
                    .map([
                        "PropertyFileName": "EvaluationReport", "OutputName": "evaluation",
                        "FilePath": "evaluation.json",
                    ])
                ]))
        let evaluationUri = get("Steps.Evaluate.ProcessingOutputConfig.Outputs['evaluation'].S3Output.S3Uri")
        let register = YAMLValue.map([
            "Name": "RegisterModel",
            "Type": "RegisterModel",
            "Arguments": .map([
                "ModelPackageGroupName": .string(names.modelPackageGroup(team.id, project.id)),
                "ModelApprovalStatus": get("Parameters.ModelApprovalStatus"),
                "ModelPackageDescription": .string(
                    "Trained by \(names.pipeline(team.id, project.id)); accuracy at or above the AccuracyThreshold parameter"
                ),
                "InferenceSpecification": .map([
                    "Containers": [
                        .map([
                            "Image": .string(
                                PipelineImages.image(.inference, team: team.id, project: project.id, context)),
                            "ModelDataUrl": modelArtifacts,
                            // Script mode serving: `train.py` also defines `model_fn` (and the like).
                            "Environment": .map([
                                "SAGEMAKER_PROGRAM": "train.py",
                                "SAGEMAKER_SUBMIT_DIRECTORY": .string("s3://\(bucket)/code/source.tar.gz"),
                            ]),
                        ])
                    ],
                    "SupportedContentTypes": ["text/csv"],
                    "SupportedResponseMIMETypes": ["text/csv"],
                    "SupportedRealtimeInferenceInstanceTypes": .strings([project.pipeline.instanceType]),
                    "SupportedTransformInstanceTypes": .strings([project.pipeline.instanceType]),
                ]),
                "ModelMetrics": .map([
                    "ModelQuality": .map([
                        "Statistics": .map([
                            "ContentType": "application/json",
                            "S3Uri": .map([
                                "Std:Join": .map(["On": "/", "Values": [evaluationUri, "evaluation.json"]])
                            ]),
                        ])
                    ])
                ]),
            ]),
        ])
        let fail = YAMLValue.map([
            "Name": "AccuracyBelowThreshold",
            "Type": "Fail",
            "Arguments": .map([
                "ErrorMessage": .map([
                    "Std:Join": .map([
                        "On": " ",
                        "Values": [
                            "Model accuracy is below the threshold", get("Parameters.AccuracyThreshold"),
                        ],
                    ])
                ])
            ]),
        ])
        let check = YAMLValue.map([
            "Name": "CheckAccuracy",
            "Type": "Condition",
            "Arguments": .map([
                "Conditions": [
                    .map([
                        "Type": "GreaterThanOrEqualTo",
                        "LeftValue": .map([
                            "Std:JsonGet": .map([
                                "PropertyFile": get("Steps.Evaluate.PropertyFiles.EvaluationReport"),
                                "Path": "metrics.accuracy.value",
                            ])
                        ]),
                        "RightValue": get("Parameters.AccuracyThreshold"),
                    ])
                ],
                "IfSteps": [register],
                "ElseSteps": [fail],
            ]),
        ])
        return .map([
            "Version": "2020-12-01",
            "Metadata": .map([:]),
            "Parameters": [
                .map(["Name": "InputData", "Type": "String", "DefaultValue": .string("s3://\(bucket)/data/")]),
                .map([
                    "Name": "AccuracyThreshold", "Type": "Float",
                    "DefaultValue": .double(project.pipeline.accuracyThreshold),
                ]),
                .map(["Name": "ModelApprovalStatus", "Type": "String", "DefaultValue": "PendingManualApproval"]),
                .map(["Name": "InstanceType", "Type": "String", "DefaultValue": .string(project.pipeline.instanceType)]
                ),
            ],
            "Steps": [preprocess, train, .map(evaluate), check],
        ])
    }
}
