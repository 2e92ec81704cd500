import Foundation

/// A config loaded, and each of its environments (or the one asked for) planned and
/// rendered in memory: what `render` writes and `diff` compares.
struct RenderedEnvironments {
    /// A config that did not load or render: what to print, exit code 2.
    struct Failure: Error {
        let result: CommandResult
    }

    let trees: [(environment: Environment, tree: RenderedTree)]
    /// The loader's warnings, one per line.
    let warnings: String

    static func load(configPath: String, environment: String?) -> Result<RenderedEnvironments, Failure> {
        guard let data = FileManager.default.contents(atPath: configPath) else {
            return .failure(Failure(result: CommandResult(stderr: "\(configPath):1:1: error: cannot read the config file\n", exitCode: CommandResult.invalid)))
        }
        let bytes = [UInt8](data)
        let result = ConfigLoader.load(bytes: bytes, file: configPath)
        guard let config = result.config else { return .failure(Failure(result: .invalid(result.diagnostics))) }
        let warnings = result.diagnostics.map { "\($0)\n" }.joined()
        var environments = config.environments
        if let environment {
            environments = environments.filter { $0.name == environment }
            if environments.isEmpty {
                let known = config.environments.map(\.name).joined(separator: ", ")
                return .failure(Failure(result: CommandResult(stderr: warnings + "error: no environment '\(environment)' in \(configPath); it has: \(known)\n",
                                                              exitCode: CommandResult.invalid)))
            }
        }
        let configName = URL(fileURLWithPath: configPath).lastPathComponent
        let digest = Renderer.sha256(bytes)
        var diagnostics: [Diagnostic] = []
        var trees: [(environment: Environment, tree: RenderedTree)] = []
        for environment in environments {
            let plan = Planner.plan(config, environment)
            let problems = Overrides.check(config, plan)
            diagnostics += problems.filter { !diagnostics.contains($0) }
            if !problems.isEmpty { continue }
            let tree = Renderer.render(plan, config: config, configName: configName, configDigest: digest)
            diagnostics += TemplateLimits.check(plan, tree, file: configPath)
            trees.append((environment, tree))
            ProcessLifetime.keep(plan)
        }
        if !diagnostics.isEmpty { return .failure(Failure(result: .invalid(result.diagnostics + diagnostics.enumerated().sorted { ($0.element.mark.line, $0.element.mark.column, $0.offset) < ($1.element.mark.line, $1.element.mark.column, $1.offset) }.map(\.element)))) }
        return .success(RenderedEnvironments(trees: trees, warnings: warnings))
    }
}
