/// `smgen validate`: loads the config and reports "ok" or every problem.
public enum ValidateCommand {
    public static func run(configPath: String) -> CommandResult {
        let result = ConfigLoader.load(path: configPath)
        guard let config = result.config else { return .invalid(result.diagnostics) }
        // Overrides name generated stacks and resources, and some regions lack resource types:
        // only a plan can tell whether those exist (planned only when there is anything to check).
        var problems: [Diagnostic] = []
        for environment in config.environments where !config.overrides.isEmpty || RegionalResourceTypes.missing[environment.region] != nil {
            let plan = Planner.plan(config, environment)
            problems += (Overrides.check(config, plan) + RegionalAvailability.check(plan, file: configPath)).filter { !problems.contains($0) }
        }
        if !problems.isEmpty { return .invalid(result.diagnostics + problems) }
        let projects = config.teams.reduce(0) { $0 + $1.projects.count }
        let summary = [
            count(config.environments.count, "environment"), count(config.teams.count, "team"),
            count(projects, "project"), count(config.users.count, "user"),
        ].joined(separator: ", ")
        return CommandResult(
            stdout: "\(configPath): ok (\(summary))\n",
            stderr: result.diagnostics.map { "\($0)\n" }.joined()
        )
    }

    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
