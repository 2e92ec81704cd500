/// The README.md of an environment's output: what is there, in deploy order, and how to
/// deploy, verify and clean up (text from templates/environment-readme.md).
enum EnvironmentReadme {
    /// `policies`: the path of each policy file, in the plan's order.
    static func render(_ plan: EnvironmentPlan, config: Config, configName: String, policies: [String]) -> String {
        let environment = plan.environment
        let region = environment.region
        // Rows carry no numbers and the users stacks are named as a family, so a new person
        // changes no row but, at most, adds their users stack's.
        let names = AWSNames(config)
        let usersFamily = "\(names.prefix)-users-"
        var table = "| stack | template | depends on |\n| --- | --- | --- |\n"
        for stack in plan.stacks {
            let file = stack.file
            var needs: [String] = []
            for dependency in stack.dependsOn {
                let shown = dependency.hasPrefix(usersFamily) ? "\(usersFamily)*" : dependency
                if !needs.contains(shown) { needs.append(shown) }
            }
            table +=
                "| `\(stack.name)` | [\(file)](\(file)) | \(needs.isEmpty ? "-" : needs.map { "`\($0)`" }.joined(separator: ", ")) |\n"
        }
        let bucketOption = environment.templateBucket.isEmpty ? "" : " \\\n  --s3-bucket \(environment.templateBucket)"
        let deploy = plan.stacks.map { stack in
            "aws cloudformation deploy --region \(region) --stack-name \(stack.name) \\\n  --template-file \(stack.file)\(bucketOption) \\\n  --capabilities CAPABILITY_NAMED_IAM --no-fail-on-empty-changeset"
        }.joined(separator: "\n")
        // How a new member gets their project's access.
        let direct = plan.membersAttachedDirectly
        let policyList = policies.map { "- [\($0)](\($0))" }.joined(separator: "\n")
        return TextTemplate.render(
            "environment-readme.md",
            [
                "company": config.org.company,
                "environment": environment.name,
                "config": configName,
                "account": environment.account,
                "region": region,
                "vpc": environment.vpc.id,
                "domain": config.domain.name,
                "stack_table": table,
                "stack_count": "\(plan.stacks.count) stacks",
                "deploy_commands": deploy,
                "policy_list": policyList,
                "modules": ModulesReadme.render(plan, config: config),
                "overrides": overrides(config, environment: environment.name),
                "graph": graph(plan, family: usersFamily, configName: configName),
                "import_marker": PolicyResolver.importMarker("EXPORT-NAME"),
                "user_access_added": direct
                    ? "adds them to the team group, attaches their projects' member policies to them"
                    : "adds them to the team and project groups",
                "project_access_added": direct
                    ? "updates the team group, attaches the project's member policy to them"
                    : "updates the team and project groups",
            ])
    }

    /// Mermaid draws a diagram of at most this many characters (its `maxTextSize`, which
    /// GitHub keeps): a larger one shows as an error.
    static let maxMermaidCharacters = 50_000

    /// The stacks' graph as a Mermaid block, or, when too large to be drawn, how to get it.
    private static func graph(_ plan: EnvironmentPlan, family: String, configName: String) -> String {
        if let mermaid = GraphCommand.mermaid(plan, resources: nil, family: family, within: maxMermaidCharacters) {
            return "```mermaid\n\(mermaid)```\n"
        }
        return
            "The graph of these \(plan.stacks.count) stacks is over the \(maxMermaidCharacters) characters Mermaid draws (GitHub too); "
            + "`smgen graph -c \(configName) --env \(plan.environment.name)` prints it (`--format dot` for Graphviz).\n"
    }

    /// The `overrides:` that apply here, as a table (they change generated resources, so a
    /// reader of the templates must know).
    private static func overrides(_ config: Config, environment: String) -> String {
        let applied = config.overrides.filter { $0.environment == nil || $0.environment == environment }
        if applied.isEmpty { return "None: every resource is exactly as smgen generates it.\n" }
        var table =
            "These changes from `overrides:` in the config are applied last, on top of what smgen generates:\n\n"
        table += "| stack | resource | path | change | reason |\n| --- | --- | --- | --- | --- |\n"
        for override in applied {
            let change: String
            switch override.action {
            case .set(let value): change = "set to \(Markdown.code(value.display))"
            case .delete: change = "removed"
            }
            table +=
                "| `\(override.stack)` | `\(override.resource)` | `\(override.path.joined(separator: "."))` | \(change) | \(Markdown.cell(override.reason ?? "")) |\n"
        }
        return table
    }
}
