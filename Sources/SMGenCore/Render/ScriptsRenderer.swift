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
        let tags =
            ["ManagedBy=smgen", "Environment=\(environment.name)"] + config.org.tags.map { "\($0.key)=\($0.value)" }
        let records = zip(plan.stacks, stackBytes).map { stack, bytes in
            "\(stack.name)|\(stack.file)|\(stack.dependsOn.joined(separator: ","))|\(bytes > AWSLimits.inlineTemplateBytes ? "1" : "0")"
        }
        var users: [String] = []
        var models: [String] = []
        for stack in plan.stacks {
            switch stack.kind {
            case .users(_, let members):
                users += members.map { "\(stack.name)|\($0.name)" }
            case .models(let team, let project, let split):
                let bucket = names.bucket(team.id, project.id)
                models += split.models.map { model in
                    let image = ECRImage(model.image, in: environment)
                    return [
                        stack.name, model.name, bucket, AWSNames.modelArtifactKey(model.name, version: model.version),
                        model.image,
                        image?.registry ?? "", image?.repository ?? "", image?.reference ?? "",
                    ].joined(separator: "|")
                }
            default:
                break
            }
        }
        return script(
            "deploy.sh",
            common(environment, configName: configName).merging([
                "tag_records": lines(tags),
                "space_records": lines(spaceRecords(config, names)),
                "user_records": lines(users),
                "model_records": lines(models),
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
        let checks =
            plan.stacks.map { "stack|\($0.name)" }
            + plan.names.verified.map { "\($0.verifyCheck!.kind)|\($0.name)" }
        let buckets = plan.names.created(.bucket)
        let projects = config.projectsWithTeams
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
                    "stack_records": lines(plan.stacks.map { "\($0.name)|\($0.dependsOn.joined(separator: ","))" }),
                    "space_records": lines(spaceRecords(config, names)),
                    "bucket_names": lines(buckets),
                    "domain": config.domain.name,
                    "repository_names": lines(plan.names.created(.repository)),
                    "package_group_names": lines(plan.names.created(.packageGroup)),
                ]) { $1 }),
            script(
                "cleanup-dev-endpoints.sh",
                common.merging([
                    "project_prefixes": lines(projects.map { names.resourcePrefix($0.0.id, $0.1.id) }),
                    "endpoint_records": lines(endpointRecords(plan, names)),
                ]) { $1 }),
        ]
    }

    /// `ENDPOINT|STACK|CONFIG ENTRY|HOSTING` (`instances` or `serverless`) for the endpoint of
    /// every model of the config, by the models stack that holds it.
    private static func endpointRecords(_ plan: EnvironmentPlan, _ names: AWSNames) -> [String] {
        plan.stacks.flatMap { stack -> [String] in
            guard case .models(let team, let project, let split) = stack.kind else { return [] }
            return split.models.map { model in
                let hosting = if case .serverless = model.hosting { "serverless" } else { "instances" }
                return [
                    names.endpoint(team.id, project.id, model.name), stack.name,
                    "teams.\(team.id).projects.\(project.id).models.\(model.name)", hosting,
                ].joined(separator: "|")
            }
        }
    }

    /// `STACK|SPACE` for every Studio space, by the people stack that holds it.
    private static func spaceRecords(_ config: Config, _ names: AWSNames) -> [String] {
        config.teams.flatMap { team in
            team.projects.flatMap { project in
                PeopleSplit.stacks(team, project, names).flatMap { stack in
                    stack.members.map { "\(stack.name)|\(names.space(team.id, project.short, $0))" }
                }
            }
        }
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
