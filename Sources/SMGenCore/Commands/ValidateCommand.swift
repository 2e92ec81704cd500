/// `smgen validate`: loads the config and reports "ok" or every problem.
public enum ValidateCommand {
    public static func run(configPath: String) -> CommandResult {
        // Beyond the config's own rules, what only a plan or its rendering tells: overrides'
        // stacks and resources, resource types the region lacks, CloudFormation's limits on a
        // template. Every environment is rendered as `render` would, and nothing is kept.
        let loaded: RenderedEnvironments
        switch RenderedEnvironments.load(configPath: configPath, environment: nil, sink: { _ in DiscardingSink() }) {
        case .success(let success): loaded = success
        case .failure(let failure): return failure.result
        }
        let config = loaded.config
        let projects = config.teams.reduce(0) { $0 + $1.projects.count }
        let summary = [
            count(config.environments.count, "environment"), count(config.teams.count, "team"),
            count(projects, "project"), count(config.users.count, "user"),
        ].joined(separator: ", ")
        return CommandResult(stdout: "\(ConfigFile.name(configPath)): ok (\(summary))\n", stderr: loaded.warnings)
    }

    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
