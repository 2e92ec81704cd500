import Foundation

/// A config loaded, and each of its environments (or the one asked for) planned and
/// rendered into a sink per environment: what `render` writes and `diff` compares.
struct RenderedEnvironments {
    /// A config that did not load or render: what to print, exit code 2.
    struct Failure: Error {
        let result: CommandResult
    }

    /// One environment rendered: how many stacks and policies it has.
    struct Rendered {
        let environment: Environment
        let stacks: Int
        let policies: Int
    }

    let config: Config
    let rendered: [Rendered]
    /// The loader's warnings, one per line.
    let warnings: String

    /// Loads the config and runs the pipeline for each environment into the sink
    /// `sink(environment)` gives, asked for just before that environment is planned. A failure
    /// when the config, an override or a limit is wrong, or a sink fails.
    static func load(
        configPath: String, environment: String?,
        sink: (Environment) throws -> any RenderedFileSink
    ) -> Result<RenderedEnvironments, Failure> {
        let bytes: [UInt8]
        switch ConfigFile.read(configPath) {
        case .bytes(let read): bytes = read
        case .unreadable(let problem): return .failure(Failure(result: .invalid([problem])))
        }
        let file = ConfigFile.name(configPath)
        let result = Pipeline.load(bytes, file: file)
        guard let config = result.config else {
            return .failure(Failure(result: .invalid(result.diagnostics, omitted: result.omitted)))
        }
        var warnings = result.diagnostics.map { "\($0)\n" }.joined()
        var environments = config.environments
        if let environment {
            environments = environments.filter { $0.name == environment }
            if environments.isEmpty {
                let known = config.environments.map(\.name).joined(separator: ", ")
                return .failure(
                    Failure(
                        result: CommandResult(
                            stderr: warnings
                                + "error: no environment '\(environment)' in \(file); it has: \(known)\n",
                            exitCode: CommandResult.invalid)))
            }
        }
        let configName = configPath == "-" ? file : URL(fileURLWithPath: configPath).lastPathComponent
        let digest = Renderer.sha256(bytes)
        var diagnostics: [Diagnostic] = []
        var rendered: [Rendered] = []
        for environment in environments {
            let outcome: Pipeline.Outcome
            do {
                outcome = try Pipeline.run(
                    config, environment, configName: configName, configDigest: digest, into: try sink(environment))
            } catch {
                return .failure(
                    Failure(
                        result: CommandResult(stderr: warnings + "error: \(error)\n", exitCode: CommandResult.invalid)))
            }
            diagnostics += outcome.errors.filter { !diagnostics.contains($0) }
            warnings += outcome.warnings.map { "\($0)\n" }.joined()
            if outcome.errors.isEmpty {
                rendered.append(Rendered(environment: environment, stacks: outcome.stacks, policies: outcome.policies))
            }
        }
        if !diagnostics.isEmpty {
            return .failure(
                Failure(
                    result: .invalid(
                        result.diagnostics
                            + diagnostics.enumerated().sorted {
                                ($0.element.mark.line, $0.element.mark.column, $0.offset) < (
                                    $1.element.mark.line, $1.element.mark.column, $1.offset
                                )
                            }.map(\.element))))
        }
        return .success(RenderedEnvironments(config: config, rendered: rendered, warnings: warnings))
    }

    /// Each environment's tree rendered in memory, and the loader's warnings.
    typealias InMemory = (trees: [(environment: Environment, tree: RenderedTree)], warnings: String)

    /// Loads the config and renders each environment in memory, to compare with the output
    /// tree at `output`: a failure, after the config's own, when `output` is not one.
    static func inMemory(configPath: String, environment: String?, against output: String) -> Result<InMemory, Failure>
    {
        var sinks: [(environment: Environment, sink: MemorySink)] = []
        return load(configPath: configPath, environment: environment) { environment in
            let sink = MemorySink()
            sinks.append((environment, sink))
            return sink
        }.flatMap { loaded in
            if let problem = OutputWriter.notAnOutput(output) {
                return .failure(
                    Failure(
                        result: CommandResult(
                            stderr: loaded.warnings + "error: \(problem)\n", exitCode: CommandResult.invalid)))
            }
            return .success((sinks.map { ($0.environment, $0.sink.tree) }, loaded.warnings))
        }
    }
}
