import Foundation

/// `smgen diff`: renders in memory and compares with an existing output tree, stack by
/// stack and resource by resource, flagging replacements, data at risk and access changes.
/// Exit 0 when nothing differs, 1 otherwise, 2 for an invalid config.
public enum DiffCommand {
    public enum Format: String, CaseIterable, Sendable {
        case text, markdown, json
    }

    public static func run(configPath: String, against: String, format: Format) -> CommandResult {
        let rendered: RenderedEnvironments.InMemory
        switch RenderedEnvironments.inMemory(configPath: configPath, environment: nil, against: against) {
        case .success(let loaded): rendered = loaded
        case .failure(let failure): return failure.result
        }
        var diffs = rendered.trees.map { environment, tree in
            EnvironmentDiff.compare(
                environment: environment.name, tree: tree, existing: against + "/" + environment.name,
                resolver: PolicyResolver(environment: environment))
        }
        // Environments rendered before but no longer in the config: everything in them goes.
        let current = Set(rendered.trees.map(\.environment.name))
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: against)) ?? []).sorted()
        for name in folders where !current.contains(name) {
            guard let resolver = manifestResolver(against + "/" + name) else { continue }
            diffs.append(
                EnvironmentDiff.compare(
                    environment: name, tree: nil, existing: against + "/" + name, resolver: resolver))
        }
        let text: String
        switch format {
        case .text: text = DiffFormatter.text(diffs)
        case .markdown: text = DiffFormatter.markdown(diffs)
        case .json: text = DiffFormatter.json(diffs)
        }
        let changed = diffs.contains { !$0.isEmpty }
        return CommandResult(
            stdout: text, stderr: rendered.warnings,
            exitCode: changed ? CommandResult.differences : CommandResult.success)
    }

    /// The account and region an earlier rendering recorded in `<directory>/manifest.json`,
    /// or nil when the folder holds no smgen output.
    private static func manifestResolver(_ directory: String) -> PolicyResolver? {
        guard
            let environment = OutputWriter.manifest(in: URL(fileURLWithPath: directory))?["environment"]
                as? [String: Any],
            let region = environment["region"] as? String, let account = environment["account"] as? String
        else { return nil }
        return PolicyResolver(region: region, account: account)
    }
}
