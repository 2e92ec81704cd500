import Foundation

/// `smgen render`: every environment (or one) into `<output>/<env>/`, or with `check`, only
/// report which files would change (exit 1) without writing.
public enum RenderCommand {
    public static func run(configPath: String, output: String, environment: String?, check: Bool) -> CommandResult {
        let outputURL = URL(fileURLWithPath: output)
        if check {
            let rendered: RenderedEnvironments.InMemory
            switch RenderedEnvironments.inMemory(
                configPath: configPath, environment: environment, against: output)
            {
            case .success(let loaded): rendered = loaded
            case .failure(let failure): return failure.result
            }
            var report = ""
            for (environment, tree) in rendered.trees {
                for path in OutputWriter.differences(tree, in: outputURL.appendingPathComponent(environment.name)) {
                    report += "would change: \(output)/\(environment.name)/\(path)\n"
                }
            }
            if report.isEmpty { return CommandResult(stdout: "\(output) is up to date\n", stderr: rendered.warnings) }
            return CommandResult(stdout: report, stderr: rendered.warnings, exitCode: CommandResult.differences)
        }
        // Files are written into the staging trees as they are rendered. An output that must
        // not be replaced is refused, but only after the config's own errors, which come first:
        // its environments are then rendered in memory.
        var staging: OutputWriter.Staging?
        var refusal: Error?
        let loaded = RenderedEnvironments.load(configPath: configPath, environment: environment) {
            environment -> any RenderedFileSink in
            if refusal == nil {
                do {
                    if staging == nil { staging = try OutputWriter.Staging(output: outputURL) }
                    return try staging!.sink(for: environment.name)
                } catch {
                    refusal = error
                }
            }
            return MemorySink()
        }
        let rendered: RenderedEnvironments
        switch loaded {
        case .success(let success): rendered = success
        case .failure(let failure): return failure.result
        }
        do {
            if let refusal { throw refusal }
            try staging?.commit()
        } catch {
            return CommandResult(stderr: rendered.warnings + "error: \(error)\n", exitCode: CommandResult.invalid)
        }
        let summary = rendered.rendered.map {
            "wrote \(output)/\($0.environment.name): \($0.stacks) stacks, \($0.policies) policies (account \($0.environment.account), \($0.environment.region))\n"
        }.joined()
        return CommandResult(stdout: summary, stderr: rendered.warnings)
    }
}
