/// The generated scripts of an environment (`scripts/`), from the text templates in
/// `templates/scripts/`, with the environment's stacks and names filled in. Every value
/// filled in passed the config's validation: none holds a quote or a line break.
enum ScriptsRenderer {
    /// A script's path in the output tree and its text.
    typealias Script = (path: String, text: String)

    /// `scripts/deploy.sh`, given each stack's template size in bytes (in the plan's order):
    /// a stack too large to be passed inline is deployed through the template bucket.
    static func deploy(_ plan: EnvironmentPlan, stackBytes: [Int], config: Config, configName: String) -> Script {
        precondition(stackBytes.count == plan.stacks.count, "a size for every stack")
        let environment = plan.environment
        let names = AWSNames(config)
        let spaces = config.teams.flatMap { team in
            team.projects.flatMap { project in
                PeopleSplit.stacks(team, project, names).flatMap { stack in
                    stack.members.map { "\(stack.name)|\(names.space(team.id, project.short, $0))" }
                }
            }
        }
        let tags =
            ["ManagedBy=smgen", "Environment=\(environment.name)"] + config.org.tags.map { "\($0.key)=\($0.value)" }
        let records = zip(plan.stacks, stackBytes).map { stack, bytes in
            "\(stack.name)|\(stack.file)|\(stack.dependsOn.joined(separator: ","))|\(bytes > AWSLimits.inlineTemplateBytes ? "1" : "0")"
        }
        return script(
            "deploy.sh",
            common(environment, configName: configName).merging([
                "tag_records": lines(tags),
                "space_records": lines(spaces),
                "template_bucket": environment.templateBucket,
                "stack_records": lines(records),
            ]) { $1 })
    }

    /// The scripts that need the plan only: `lib.sh`, `verify.sh`, `cleanup.sh` and
    /// `cleanup-dev-endpoints.sh`.
    static func others(_ plan: EnvironmentPlan, config: Config, configName: String) -> [Script] {
        let environment = plan.environment
        let names = AWSNames(config)
        let common = common(environment, configName: configName)
        var checks = plan.stacks.map { "stack|\($0.name)" }
        checks.append("domain|\(config.domain.name)")
        for team in config.teams {
            for project in team.projects {
                checks += project.members.map { "profile|\(names.userProfile(team.id, project.short, $0))" }
                checks += project.members.map { "space|\(names.space(team.id, project.short, $0))" }
            }
        }
        let projects = config.projectsWithTeams
        let buckets =
            projects.map { names.bucket($0.0.id, $0.1.id) }
            + (config.modules.mlops ? projects.map { names.artifactBucket($0.0.id, $0.1.id) } : [])
        checks += buckets.map { "bucket|\($0)" }
        checks += [names.domainDefaultRole].map { "role|\($0)" }
        checks += projects.map { "role|\(names.executionRole($0.0.id, $0.1.short))" }
        checks += config.users.map { "user|\($0.name)" }
        let repositories =
            (config.modules.ecr?.sharedRepos ?? []).map { names.sharedRepository($0) }
            + projects.flatMap { team, project in
                (config.modules.ecr?.projectRepos ?? []).map { names.projectRepository(team.id, project.id, $0) }
            }
        let packageGroups =
            config.modules.modelRegistry ? projects.map { names.modelPackageGroup($0.0.id, $0.1.id) } : []
        checks += repositories.map { "repository|\($0)" }
        checks += packageGroups.map { "package-group|\($0)" }
        if config.modules.mlops {
            checks += projects.map { "pipeline|\(names.pipeline($0.0.id, $0.1.id))" }
        }
        checks += projects.flatMap { team, project in
            project.models.map { "endpoint|\(names.endpoint(team.id, project.id, $0.name))" }
        }
        checks += config.monitoredModels.map {
            "monitoring-schedule|\(names.monitoringSchedule($0.team.id, $0.project.id, $0.model.name))"
        }
        return [
            script(
                "lib.sh",
                [
                    "header": common["header"]!, "account": environment.account, "region": environment.region,
                    "prefix": names.prefix, "domain_stack": names.domainStack,
                ]),
            script("verify.sh", common.merging(["check_records": lines(checks)]) { $1 }),
            script(
                "cleanup.sh",
                common.merging([
                    "stack_names": lines(plan.stacks.map(\.name)),
                    "bucket_names": lines(buckets),
                    "domain": config.domain.name,
                    "repository_names": lines(repositories),
                    "package_group_names": lines(packageGroups),
                ]) { $1 }),
            script(
                "cleanup-dev-endpoints.sh",
                common.merging([
                    "project_prefixes": lines(projects.map { names.resourcePrefix($0.0.id, $0.1.id) })
                ]) { $1 }),
        ]
    }

    /// The values every script but `lib.sh` starts from.
    private static func common(_ environment: Environment, configName: String) -> [String: String] {
        [
            "header": "# Generated by smgen from \(configName) for environment \(environment.name) — do not edit.",
            "environment": environment.name,
            "account": environment.account,
            "region": environment.region,
        ]
    }

    /// The template `templates/scripts/<file>` with `values` filled in.
    private static func script(_ file: String, _ values: [String: String]) -> Script {
        ("scripts/\(file)", TextTemplate.render("scripts/\(file)", values))
    }

    /// Records for a heredoc, one a line; each must be free of quotes and line breaks.
    private static func lines(_ records: [String]) -> String {
        for record in records {
            precondition(
                record.withUTF8Bytes { !$0.contains(UInt8(ascii: "'")) && !$0.contains(0x0A) },
                "unvalidated value in a script: \(record)")
        }
        return records.joined(separator: "\n")
    }
}
