import SMGenYAML

/// The README section on the optional modules and endpoints of an environment, from the
/// files in `templates/readme/`, one per module that is on.
enum ModulesReadme {
    static func render(_ plan: EnvironmentPlan, config: Config) -> String {
        let environment = plan.environment
        let names = AWSNames(config)
        let projects = config.projectsWithTeams
        var sections: [String] = []
        let code = { (items: [String]) in items.map { "`\($0)`" }.joined(separator: ", ") }
        if let ecr = config.modules.ecr {
            let example =
                projects.first.map { names.projectRepository($0.0.id, $0.1.id, ecr.projectRepos.first ?? "training") }
                ?? names.sharedRepository(ecr.sharedRepos.first ?? "base")
            sections.append(
                TextTemplate.render(
                    "readme/ecr.md",
                    [
                        "shared_repositories": ecr.sharedRepos.isEmpty
                            ? "none" : code(ecr.sharedRepos.map(names.sharedRepository)),
                        "project_repositories": ecr.projectRepos.isEmpty ? "none" : code(ecr.projectRepos),
                        "prefix": names.prefix, "keep_images": String(ecr.keepImages),
                        "region": environment.region, "account": environment.account, "example_repository": example,
                    ]))
        }
        if config.modules.modelRegistry {
            let groups = projects.map { names.modelPackageGroup($0.0.id, $0.1.id) }
            sections.append(
                TextTemplate.render(
                    "readme/model-registry.md",
                    [
                        "groups": code(groups), "region": environment.region,
                        "example_group": groups.first ?? "TEAM-PROJECT",
                    ]))
        }
        if let monitoring = config.modules.monitoring {
            sections.append(
                TextTemplate.render(
                    "readme/monitoring.md",
                    [
                        "processing_days": String(monitoring.processingRetentionDays),
                        "training_days": String(monitoring.trainingRetentionDays),
                        "endpoints_days": String(monitoring.endpointsRetentionDays),
                        "topic": names.alarmTopic,
                        "email": monitoring.alarmEmail.isEmpty
                            ? ""
                            : " (and by email `\(monitoring.alarmEmail)`, once the address confirms the subscription)",
                        "region": environment.region,
                        "alarm_prefix": projects.first.map { names.resourcePrefix($0.0.id, $0.1.id) } ?? "",
                    ]))
        }
        if config.modules.mlops, let first = projects.first {
            let own = PipelineImages.ownKinds(config.modules.ecr).map(\.rawValue)
            let aws = AWSImages.scikitLearn.uri(region: environment.region).map { "`\($0)`" } ?? "none"
            let images =
                own.isEmpty
                ? "AWS's scikit-learn container \(aws)"
                : PipelineImages.usesOnlyProjectImages(config.modules.ecr)
                    ? "the project's repositories \(code(own)), tag `latest`"
                    : "the project's repositories \(code(own)) (tag `latest`), otherwise AWS's scikit-learn container \(aws)"
            sections.append(
                TextTemplate.render(
                    "readme/mlops.md",
                    [
                        "pipelines": code(projects.map { names.pipeline($0.0.id, $0.1.id) }),
                        "stack_pattern": "\(names.prefix)-mlops-<team>-<project>",
                        "images": images,
                        "region": environment.region,
                        "example_bucket": names.bucket(first.0.id, first.1.id),
                        "example_pipeline": names.pipeline(first.0.id, first.1.id),
                        "example_delivery": names.deliveryPipeline(first.0.id, first.1.id),
                        "example_build": names.buildProject(first.0.id, first.1.id),
                    ].merging(sourceTexts(config, example: first, names: names, region: environment.region)) { $1 }))
        }
        let monitored = config.monitoredModels
        if let (team, project, model) = monitored.first {
            let endpoint = names.endpoint(team.id, project.id, model.name)
            sections.append(
                TextTemplate.render(
                    "readme/model-monitor.md",
                    [
                        "monitored": code(monitored.map { names.endpoint($0.0.id, $0.1.id, $0.2.name) }),
                        "metric": ModelMonitorResources.driftMetric("<drift_feature>"),
                        "threshold": JSONWriter.format(ModelMonitorResources.driftThreshold),
                        "region": environment.region,
                        "account": environment.account,
                        "example_bucket": names.bucket(team.id, project.id),
                        "example_model": model.name,
                        "example_schedule": names.monitoringSchedule(team.id, project.id, model.name),
                        "example_alarm": names.driftAlarm(endpoint),
                        "example_topic": names.retrainingTopic(team.id, project.id),
                    ]))
        }
        let endpoints = projects.flatMap { team, project in
            let stacks = Dictionary(
                uniqueKeysWithValues: ModelsSplit.stacks(team, project, names).flatMap { stack in
                    stack.models.map { ($0.name, stack.name) }
                })
            return project.models.map { model -> (String, String) in
                let endpoint = names.endpoint(team.id, project.id, model.name)
                let hosting: String
                switch model.hosting {
                case .instances(let type, let scaling):
                    hosting =
                        type
                        + (scaling.map {
                            ", autoscaling \($0.min)-\($0.max) at \($0.targetInvocations) invocations/instance"
                        } ?? "")
                case .serverless(let memory, let concurrency):
                    hosting = "serverless, \(memory) MB, \(concurrency) concurrent"
                }
                return (
                    endpoint,
                    "| `\(endpoint)` | `\(names.resourcePrefix(team.id, project.id))\(model.name)-v\(model.version)-…` | \(hosting) | `\(stacks[model.name]!)` |"
                )
            }
        }
        if !endpoints.isEmpty {
            sections.append(
                TextTemplate.render(
                    "readme/endpoints.md",
                    [
                        "endpoint_rows": endpoints.map(\.1).joined(separator: "\n"),
                        "region": environment.region, "example_endpoint": endpoints[0].0,
                    ]))
        }
        return sections.isEmpty ? "No optional module is enabled and no project has models.\n\n" : sections.joined()
    }

    /// How the delivery pipelines get their code, and how to set that up.
    private static func sourceTexts(
        _ config: Config, example: (team: Team, project: Project), names: AWSNames, region: String
    ) -> [String: String] {
        switch config.modules.mlopsSource {
        case .s3:
            let bucket = names.artifactBucket(example.team.id, example.project.id)
            return [
                "source_text":
                    "a new `\(AWSNames.sourceObjectKey)` in the artifact bucket (an EventBridge rule starts the delivery on upload)",
                "events_role": ", the upload rule",
                "source_setup": """
                To deliver, zip the repository (with `tests/`, `pipeline/` and `requirements.txt` at its
                root) and upload it; members of the project may:

                ```sh
                git archive --format=zip -o source.zip HEAD
                aws s3 cp source.zip s3://\(bucket)/\(AWSNames.sourceObjectKey)
                ```

                """,
            ]
        case .git(let provider):
            let repositories = config.projectsWithTeams.map {
                "`\(names.deliveryPipeline($0.team.id, $0.project.id))` follows `\($0.project.pipeline.repository ?? "")` (`\($0.project.pipeline.branch)`)"
            }
            return [
                "source_text":
                    "each push to the project's branch on \(provider), through the connection `\(names.gitConnection)` (stack `\(names.cicdStack)`)",
                "events_role": "",
                "source_setup": """
                \(repositories.joined(separator: "; ")).

                CloudFormation creates the connection `\(names.gitConnection)` as `PENDING`: once, an admin
                completes it with \(provider) (console: Developer Tools > Settings > Connections >
                `\(names.gitConnection)` > Update pending connection) and grants it the repositories above.

                """,
            ]
        }
    }
}
