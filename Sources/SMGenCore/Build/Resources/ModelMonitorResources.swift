import SMGenYAML

/// Model Monitor for an endpoint (a model with `monitor: true`): the endpoint captures its
/// requests and responses to the project bucket; an hourly data-quality job compares them
/// with the baseline the team puts in the bucket; an alarm on the drift metric notifies the
/// project's drift topic, whose retraining function starts the project's pipeline.
///
/// Bucket layout (prefix `monitoring/`): `capture/<model>/` (captured traffic),
/// `baseline/<model>/statistics.json` and `constraints.json` (from a baselining job on the
/// training data), `reports/<model>/` (each hourly run's report).
enum ModelMonitorResources {
    /// The metric the data-quality job publishes for the drift of `feature`, which the alarm
    /// watches (the platform's `feature_baseline_drift_distance` by default).
    static func driftMetric(_ feature: String) -> String { "feature_baseline_drift_\(feature)" }
    static let driftNamespace = "aws/sagemaker/Endpoints/data-metrics"
    /// The drift distance above which the alarm fires.
    static let driftThreshold = 0.1
    static let schedule = "cron(0 * ? * * *)"

    /// The endpoint configuration's data capture: all requests and responses.
    static func dataCapture(bucket: String, model: String) -> YAMLValue {
        .map([
            "EnableCapture": true,
            "InitialSamplingPercentage": 100,
            "DestinationS3Uri": .string("s3://\(bucket)/monitoring/capture/\(model)"),
            "CaptureOptions": [.map(["CaptureMode": "Input"]), .map(["CaptureMode": "Output"])],
            "CaptureContentTypeHeader": .map(["CsvContentTypes": ["text/csv"]]),
        ])
    }

    static func add(
        to template: inout CloudFormationTemplate, id: String, team: Team, project: Project, model: Model,
        tags: YAMLValue, context: PlatformContext
    ) {
        let names = context.names
        let bucket = names.bucket(team.id, project.id)
        let endpoint = names.endpoint(team.id, project.id, model.name)
        let schedule = names.monitoringSchedule(team.id, project.id, model.name)
        guard let image = AWSImages.modelMonitor.uri(region: context.environment.region) else {
            preconditionFailure("the config rules refuse monitor in \(context.environment.region)")
        }
        var properties = [
            YAMLEntry(
                "DataQualityAppSpecification",
                .map([
                    "ImageUri": .string(image),
                    "Environment": .map(["publish_cloudwatch_metrics": "Enabled"]),
                ])),
            YAMLEntry(
                "DataQualityBaselineConfig",
                .map([
                    "ConstraintsResource": .map([
                        "S3Uri": .string("s3://\(bucket)/monitoring/baseline/\(model.name)/constraints.json")
                    ]),
                    "StatisticsResource": .map([
                        "S3Uri": .string("s3://\(bucket)/monitoring/baseline/\(model.name)/statistics.json")
                    ]),
                ])),
            YAMLEntry(
                "DataQualityJobInput",
                .map([
                    "EndpointInput": .map([
                        "EndpointName": .string(endpoint),
                        "LocalPath": "/opt/ml/processing/input/endpoint",
                        "S3InputMode": "File",
                        "S3DataDistributionType": "FullyReplicated",
                    ])
                ])),
            YAMLEntry(
                "DataQualityJobOutputConfig",
                .map([
                    "MonitoringOutputs": [
                        .map([
                            "S3Output": .map([
                                "S3Uri": .string("s3://\(bucket)/monitoring/reports/\(model.name)"),
                                "LocalPath": "/opt/ml/processing/output",
                                "S3UploadMode": "EndOfJob",
                            ])
                        ])
                    ]
                ])),
            YAMLEntry(
                "JobResources",
                .map([
                    "ClusterConfig": .map([
                        "InstanceCount": 1, "InstanceType": "ml.m5.large", "VolumeSizeInGB": 20,
                    ])
                ])),
            YAMLEntry(
                "NetworkConfig",
                .map([
                    "EnableInterContainerTrafficEncryption": true,
                    "VpcConfig": .map([
                        "SecurityGroupIds": [Fn.importValue(context.securityGroupExport("processing"))],
                        "Subnets": .strings(context.environment.vpc.subnets),
                    ]),
                ])),
            YAMLEntry("RoleArn", Fn.importValue(context.executionRoleArnExport(team, project))),
            YAMLEntry("StoppingCondition", .map(["MaxRuntimeInSeconds": 3600])),
            YAMLEntry("Tags", tags),
        ]
        let type = "AWS::SageMaker::DataQualityJobDefinition"
        let digest = CreateOnlyDigest.of(type, properties, excluding: "JobDefinitionName")
        properties.insert(
            YAMLEntry(
                "JobDefinitionName", .string(names.dataQualityJob(team.id, project.id, model.name, digest: digest))),
            at: 0)
        template.add(.init("\(id)DataQualityJob", type, dependsOn: ["\(id)Endpoint"], properties: properties))
        template.add(
            .init(
                "\(id)MonitoringSchedule", "AWS::SageMaker::MonitoringSchedule",
                properties: [
                    YAMLEntry("MonitoringScheduleName", .string(schedule)),
                    YAMLEntry("EndpointName", .string(endpoint)),
                    YAMLEntry(
                        "MonitoringScheduleConfig",
                        .map([
                            "MonitoringJobDefinitionName": Fn.getAtt("\(id)DataQualityJob", "JobDefinitionName"),
                            "MonitoringType": "DataQuality",
                            "ScheduleConfig": .map(["ScheduleExpression": .string(Self.schedule)]),
                        ])),
                    YAMLEntry("Tags", tags),
                ]))
        let topic = Fn.sub(
            "arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:\(names.driftTopic(team.id, project.id))")
        template.add(
            .init(
                "\(id)DriftAlarm", "AWS::CloudWatch::Alarm", dependsOn: ["\(id)MonitoringSchedule"],
                properties: [
                    YAMLEntry("AlarmName", .string(names.driftAlarm(endpoint))),
                    YAMLEntry(
                        "AlarmDescription",
                        .string(
                            "Data drift of \(endpoint) beyond its baseline: retrains through \(names.pipeline(team.id, project.id))"
                        )),
                    YAMLEntry("Namespace", .string(driftNamespace)),
                    YAMLEntry("MetricName", .string(driftMetric(model.driftFeature))),
                    YAMLEntry(
                        "Dimensions",
                        [
                            .map(["Name": "Endpoint", "Value": .string(endpoint)]),
                            .map(["Name": "MonitoringSchedule", "Value": .string(schedule)]),
                        ]),
                    YAMLEntry("Statistic", "Maximum"),
                    YAMLEntry("Period", 3600),
                    YAMLEntry("EvaluationPeriods", 1),
                    YAMLEntry("Threshold", .double(driftThreshold)),
                    YAMLEntry("ComparisonOperator", "GreaterThanThreshold"),
                    YAMLEntry("TreatMissingData", "notBreaching"),
                    YAMLEntry("AlarmActions", [topic]),
                ]))
    }
}
