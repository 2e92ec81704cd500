import SMGenYAML

/// The policies of a project's model monitoring (models with `monitor: true`).
enum MonitorPolicies {
    /// The retraining function: start the project's pipeline, publish to its retraining
    /// topic, write its own logs.
    static func retrain(_ team: Team, _ project: Project, _ context: PlatformContext) -> PolicyDocument {
        let names = context.names
        let pipeline = names.pipeline(team.id, project.id)
        return PolicyDocument([
            PolicyStatement(
                "StartProjectPipeline", actions: ["sagemaker:StartPipelineExecution"],
                resources: [ARN.sageMaker("pipeline/\(pipeline)")]),
            PolicyStatement(
                "PublishRetrainingNotice", actions: ["sns:Publish"],
                resources: [Fn.sub(ARN.regional("sns", names.retrainingTopic(team.id, project.id)))]),
            PolicyStatement(
                "WriteFunctionLogs", actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
                resources: [
                    ARN.logs("log-group:/aws/lambda/\(names.retrainFunction(team.id, project.id)):log-stream:*")
                ]),
        ])
    }

    /// For the execution role, which runs the data-quality jobs: publish their metrics, in
    /// Model Monitor's namespace only (PutMetricData has no resource-level permissions).
    static func publishDriftMetrics() -> PolicyStatement {
        PolicyStatement(
            "PublishMonitoringMetrics", actions: ["cloudwatch:PutMetricData"], resources: ["*"],
            conditions: [
                YAMLEntry("StringEquals", .map(["cloudwatch:namespace": .string(ModelMonitorResources.driftNamespace)]))
            ])
    }

    /// For the execution role: write the data-quality jobs' logs. SageMaker names the jobs of
    /// a schedule itself (`model-monitoring-...`), so their log streams cannot carry the
    /// project's prefix; the grant is write-only, and reading stays with each project.
    static func writeMonitoringLogs() -> PolicyStatement {
        PolicyStatement(
            "WriteMonitoringJobLogs", actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
            resources: [ARN.logs("log-group:\(AWSNames.processingLogGroup):log-stream:model-monitoring-*")])
    }

    /// For members: follow their endpoints' monitoring schedules and runs.
    static func followMonitoring(_ prefix: String) -> PolicyStatement {
        PolicyStatement(
            "FollowProjectMonitoring",
            actions: [
                "sagemaker:DescribeDataQualityJobDefinition", "sagemaker:DescribeMonitoringSchedule",
                "sagemaker:ListMonitoringExecutions",
            ],
            resources: [
                ARN.sageMaker("monitoring-schedule/\(prefix)*"),
                ARN.sageMaker("data-quality-job-definition/\(prefix)*"),
            ])
    }
}
