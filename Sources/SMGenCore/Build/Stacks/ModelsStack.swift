import SMGenYAML

/// A project's real-time endpoints, one per `models` entry: the model (in the VPC with the
/// inference security group, unless serverless), its endpoint configuration, the endpoint,
/// autoscaling when asked for, and with the monitoring module its log group and alarms.
enum ModelsStack {
    /// Alarm thresholds of the platform page. Latencies are in microseconds.
    static let modelLatencyMicroseconds = 1_000_000
    static let overheadLatencyMicroseconds = 200_000
    static let client4xxPercent = 1.0
    static let server5xxPercent = 0.1
    static let utilizationPercent = 80

    /// The template of one of `ModelsSplit.stacks`.
    static func build(_ team: Team, _ project: Project, _ stack: ModelsSplit.Stack, _ context: PlatformContext)
        -> CloudFormationTemplate
    {
        let names = context.names
        let environment = context.environment
        let part = stack.scope.isEmpty ? "" : " (\(stack.scope))"
        var template = CloudFormationTemplate(
            description: "smgen: real-time endpoints of \(team.id)/\(project.id)\(part)")
        let bucket = names.bucket(team.id, project.id)
        for model in stack.models {
            let id = AWSNames.logicalId(model.name)

            let endpointName = names.endpoint(team.id, project.id, model.name)
            let tags = context.tags([
                ("Team", team.id), ("Project", project.id), ("Model", model.name),
                ("Environment", environment.name), ("Version", "v\(model.version)"),
            ])
            var modelProperties = [
                YAMLEntry("ExecutionRoleArn", Fn.importValue(context.executionRoleArnExport(team, project))),
                YAMLEntry(
                    "PrimaryContainer",
                    .map([
                        "Image": .string(model.image),
                        "ModelDataUrl": .string(
                            "s3://\(bucket)/\(AWSNames.modelArtifactKey(model.name, version: model.version))"),
                    ])),
            ]
            let variant: YAMLValue
            switch model.hosting {
            case .instances(let type, let autoscaling):
                modelProperties.append(
                    YAMLEntry(
                        "VpcConfig",
                        .map([
                            "Subnets": .strings(environment.vpc.subnets),
                            "SecurityGroupIds": [Fn.importValue(context.securityGroupExport("inference"))],
                        ])))
                variant = .map([
                    "VariantName": "AllTraffic", "ModelName": Fn.getAtt("\(id)Model", "ModelName"),
                    "InstanceType": .string(type), "InitialInstanceCount": .int(autoscaling?.min ?? 1),
                    "InitialVariantWeight": 1,
                ])
            case .serverless(let memory, let concurrency):
                variant = .map([
                    "VariantName": "AllTraffic", "ModelName": Fn.getAtt("\(id)Model", "ModelName"),
                    "ServerlessConfig": .map(["MemorySizeInMB": .int(memory), "MaxConcurrency": .int(concurrency)]),
                ])
            }
            let modelName = names.model(
                team.id, project.id, model.name, version: model.version,
                digest: CreateOnlyDigest.of("AWS::SageMaker::Model", modelProperties, excluding: "ModelName"))
            modelProperties.insert(YAMLEntry("ModelName", .string(modelName)), at: 0)
            modelProperties.append(YAMLEntry("Tags", tags))
            template.add(.init("\(id)Model", "AWS::SageMaker::Model", properties: modelProperties))
            // Data capture cannot change in place either: it is part of the digest too.
            let capture = model.monitor ? ModelMonitorResources.dataCapture(bucket: bucket, model: model.name) : nil
            let contents = YAMLWriter.write(variant) + modelName + (capture.map { YAMLWriter.write($0) } ?? "")
            let digest = String(Renderer.sha256(Array(contents.utf8)).prefix(CreateOnlyDigest.length))
            template.add(
                .init(
                    "\(id)EndpointConfig", "AWS::SageMaker::EndpointConfig",
                    properties: [
                        YAMLEntry(
                            "EndpointConfigName",
                            .string(names.endpointConfig(team.id, project.id, model.name, digest: digest))),
                        YAMLEntry("ProductionVariants", [variant]),
                    ] + (capture.map { [YAMLEntry("DataCaptureConfig", $0)] } ?? []) + [
                        YAMLEntry("Tags", tags)
                    ]))
            template.add(
                .init(
                    "\(id)Endpoint", "AWS::SageMaker::Endpoint",
                    properties: [
                        YAMLEntry("EndpointName", .string(endpointName)),
                        YAMLEntry("EndpointConfigName", Fn.getAtt("\(id)EndpointConfig", "EndpointConfigName")),
                        // An update keeps the instance count autoscaling set (and the weight),
                        // and takes the new configuration's data capture.
                        YAMLEntry("RetainAllVariantProperties", true),
                        YAMLEntry(
                            "ExcludeRetainedVariantProperties", [.map(["VariantPropertyType": "DataCaptureConfig"])]),
                        YAMLEntry("Tags", tags),
                    ]))
            if case .instances(_, let scaling?) = model.hosting {
                addAutoscaling(&template, id: id, endpoint: endpointName, scaling: scaling)
            }
            if model.monitor {
                ModelMonitorResources.add(
                    to: &template, id: id, team: team, project: project, model: model, tags: tags, context: context)
            }
            if let monitoring = context.config.modules.monitoring {
                template.add(
                    CommonResources.logGroup(
                        "\(id)LogGroup", name: names.endpointLogGroup(endpointName),
                        retentionDays: monitoring.endpointsRetentionDays, tags: tags))
                addAlarms(
                    &template, id: id, endpoint: endpointName, instances: model.hosting.isInstances, context: context)
            }
            template.output(
                "\(id)EndpointName", "Endpoint of model \(model.name)", Fn.getAtt("\(id)Endpoint", "EndpointName"))
        }
        return template
    }

    private static func addAutoscaling(
        _ template: inout CloudFormationTemplate, id: String, endpoint: String, scaling: Autoscaling
    ) {
        template.add(
            .init(
                "\(id)ScalableTarget", "AWS::ApplicationAutoScaling::ScalableTarget", dependsOn: ["\(id)Endpoint"],
                properties: [
                    YAMLEntry("ServiceNamespace", "sagemaker"),
                    YAMLEntry("ResourceId", .string("endpoint/\(endpoint)/variant/AllTraffic")),
                    YAMLEntry("ScalableDimension", "sagemaker:variant:DesiredInstanceCount"),
                    YAMLEntry("MinCapacity", .int(scaling.min)),
                    YAMLEntry("MaxCapacity", .int(scaling.max)),
                ]))
        template.add(
            .init(
                "\(id)ScalingPolicy", "AWS::ApplicationAutoScaling::ScalingPolicy",
                properties: [
                    YAMLEntry("PolicyName", .string("\(endpoint)-invocations")),
                    YAMLEntry("PolicyType", "TargetTrackingScaling"),
                    YAMLEntry("ScalingTargetId", Fn.ref("\(id)ScalableTarget")),
                    YAMLEntry(
                        "TargetTrackingScalingPolicyConfiguration",
                        .map([
                            "TargetValue": .double(Double(scaling.targetInvocations)),
                            "PredefinedMetricSpecification": .map([
                                "PredefinedMetricType": "SageMakerVariantInvocationsPerInstance"
                            ]),
                            "ScaleInCooldown": 300,
                            "ScaleOutCooldown": 60,
                        ])),
                ]))
    }

    private static func addAlarms(
        _ template: inout CloudFormationTemplate, id: String, endpoint: String, instances: Bool,
        context: PlatformContext
    ) {
        let topic: YAMLValue = [Fn.importValue(context.alarmTopicExport)]
        let dimensions: YAMLValue = [
            .map(["Name": "EndpointName", "Value": .string(endpoint)]),
            .map(["Name": "VariantName", "Value": "AllTraffic"]),
        ]
        func alarm(_ suffix: String, _ description: String, _ body: [YAMLEntry]) {
            template.add(
                .init(
                    "\(id)\(suffix)Alarm", "AWS::CloudWatch::Alarm", dependsOn: ["\(id)Endpoint"],
                    properties: [
                        YAMLEntry("AlarmName", .string("\(endpoint)-\(AWSNames.kebab(suffix))")),
                        YAMLEntry("AlarmDescription", .string(description)),
                        YAMLEntry("ComparisonOperator", "GreaterThanThreshold"),
                        YAMLEntry("EvaluationPeriods", 3),
                        YAMLEntry("DatapointsToAlarm", 2),
                        YAMLEntry("TreatMissingData", "notBreaching"),
                        YAMLEntry("AlarmActions", topic),
                        YAMLEntry("OKActions", topic),
                    ] + body))
        }
        func metric(_ namespace: String, _ name: String, _ statistic: String, threshold: YAMLValue) -> [YAMLEntry] {
            [
                YAMLEntry("Namespace", .string(namespace)), YAMLEntry("MetricName", .string(name)),
                YAMLEntry("Dimensions", dimensions),
                YAMLEntry("Statistic", .string(statistic)), YAMLEntry("Period", 60), YAMLEntry("Threshold", threshold),
            ]
        }
        func errorRate(_ metricName: String, _ percent: Double) -> [YAMLEntry] {
            func query(_ id: String, _ name: String) -> YAMLValue {
                .map([
                    "Id": .string(id), "ReturnData": false,
                    "MetricStat": .map([
                        "Metric": .map([
                            "Namespace": "AWS/SageMaker", "MetricName": .string(name), "Dimensions": dimensions,
                        ]),
                        "Period": 60, "Stat": "Sum",
                    ]),
                ])
            }
            return [
                YAMLEntry("Threshold", .double(percent)),
                YAMLEntry(
                    "Metrics",
                    [
                        query("errors", metricName), query("invocations", "Invocations"),
                        .map([
                            "Id": "rate", "Label": .string("\(metricName) (% of invocations)"), "ReturnData": true,
                            "Expression": "IF(invocations > 0, 100 * errors / invocations, 0)",
                        ]),
                    ]),
            ]
        }
        alarm(
            "ModelLatency", "Model latency of \(endpoint) above 1 s",
            metric("AWS/SageMaker", "ModelLatency", "Average", threshold: .int(modelLatencyMicroseconds)))
        alarm(
            "OverheadLatency", "Overhead latency of \(endpoint) above 200 ms",
            metric("AWS/SageMaker", "OverheadLatency", "Average", threshold: .int(overheadLatencyMicroseconds)))
        alarm(
            "Client4xxRate", "4XX errors of \(endpoint) above 1 % of invocations",
            errorRate("Invocation4XXErrors", client4xxPercent))
        alarm(
            "Server5xxRate", "5XX errors of \(endpoint) above 0.1 % of invocations",
            errorRate("Invocation5XXErrors", server5xxPercent))
        if instances {
            alarm(
                "CpuUtilization", "CPU of \(endpoint) above 80 %",
                metric("/aws/sagemaker/Endpoints", "CPUUtilization", "Average", threshold: .int(utilizationPercent)))
            alarm(
                "MemoryUtilization", "Memory of \(endpoint) above 80 %",
                metric("/aws/sagemaker/Endpoints", "MemoryUtilization", "Average", threshold: .int(utilizationPercent)))
        }
    }
}

extension Hosting {
    var isInstances: Bool {
        if case .instances = self { return true }
        return false
    }
}
