import Foundation

/// `smgen render`: every environment (or one) into `<output>/<env>/`, or with `check`, only
/// report which files would change (exit 1) without writing.
public enum RenderCommand {
    public static func run(configPath: String, output: String, environment: String?, check: Bool) -> CommandResult {
        guard let data = FileManager.default.contents(atPath: configPath) else {
            return CommandResult(stderr: "\(configPath):1:1: error: cannot read the config file\n", exitCode: CommandResult.invalid)
        }
        let bytes = [UInt8](data)
        let result = ConfigLoader.load(bytes: bytes, file: configPath)
        guard let config = result.config else { return .invalid(result.diagnostics) }
        let warnings = result.diagnostics.map { "\($0)\n" }.joined()
        var environments = config.environments
        if let environment {
            environments = environments.filter { $0.name == environment }
            if environments.isEmpty {
                let known = config.environments.map(\.name).joined(separator: ", ")
                return CommandResult(stderr: warnings + "error: no environment '\(environment)' in \(configPath); it has: \(known)\n", exitCode: CommandResult.invalid)
            }
        }
        let configName = URL(fileURLWithPath: configPath).lastPathComponent
        let digest = Renderer.sha256(bytes)
        let trees = environments.map { environment in
            (environment.name, Renderer.render(Planner.plan(config, environment), config: config, configName: configName, configDigest: digest))
        }
        var diagnostics: [Diagnostic] = []
        for (environment, (_, tree)) in zip(environments, trees) {
            diagnostics += TemplateLimits.check(tree, environment: environment, file: configPath)
        }
        if !diagnostics.isEmpty { return .invalid(result.diagnostics + diagnostics) }

        let outputURL = URL(fileURLWithPath: output)
        if check {
            var report = ""
            for (name, tree) in trees {
                for path in OutputWriter.differences(tree, in: outputURL.appendingPathComponent(name)) {
                    report += "would change: \(output)/\(name)/\(path)\n"
                }
            }
            if report.isEmpty { return CommandResult(stdout: "\(output) is up to date\n", stderr: warnings) }
            return CommandResult(stdout: report, stderr: warnings, exitCode: CommandResult.differences)
        }
        do {
            try OutputWriter.write(trees.map { (environment: $0.0, tree: $0.1) }, to: outputURL)
        } catch {
            return CommandResult(stderr: warnings + "error: \(error)\n", exitCode: CommandResult.invalid)
        }
        let summary = zip(environments, trees).map { environment, entry in
            let stacks = entry.1.files.keys.filter { $0.hasPrefix("stacks/") }.count
            let policies = entry.1.files.keys.filter { $0.hasPrefix("policies/") }.count
            return "wrote \(output)/\(environment.name): \(stacks) stacks, \(policies) policies (account \(environment.account), \(environment.region))\n"
        }.joined()
        return CommandResult(stdout: summary, stderr: warnings)
    }
}

/// CloudFormation's limits on a template, checked on the rendered text.
enum TemplateLimits {
    static func check(_ tree: RenderedTree, environment: Environment, file: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (path, text) in tree.files.sorted(by: { $0.key < $1.key }) where path.hasPrefix("stacks/") {
            let size = text.utf8.count
            if size > 1_000_000 {
                found.append(Diagnostic(.error, file: file, mark: environment.mark, message: "environments.\(environment.name): \(path) is \(size) bytes; CloudFormation accepts at most 1,000,000"))
            } else if size > Renderer.inlineTemplateLimit && environment.templateBucket.isEmpty {
                found.append(Diagnostic(.error, file: file, mark: environment.mark, message: "environments.\(environment.name): \(path) is \(size) bytes, over the \(Renderer.inlineTemplateLimit) bytes CloudFormation takes inline; set template_bucket to an S3 bucket for templates"))
            }
        }
        return found
    }
}
