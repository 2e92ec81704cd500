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
        var diagnostics: [Diagnostic] = []
        let trees = environments.map { environment in
            let plan = Planner.plan(config, environment)
            let tree = Renderer.render(plan, config: config, configName: configName, configDigest: digest)
            diagnostics += TemplateLimits.check(plan, tree, file: configPath)
            return (environment.name, tree)
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

/// CloudFormation's limits on a template, checked on the plan and the rendered text, so that
/// no template smgen writes is refused by CloudFormation.
enum TemplateLimits {
    static let maxResources = 500
    static let maxOutputs = 200

    static func check(_ plan: EnvironmentPlan, _ tree: RenderedTree, file: String) -> [Diagnostic] {
        let environment = plan.environment
        var found: [Diagnostic] = []
        for stack in plan.stacks {
            let resources = stack.template.resources.count, outputs = stack.template.outputs.count
            if resources > maxResources || outputs > maxOutputs {
                found.append(Diagnostic(.error, file: file, mark: environment.mark, message: "environments.\(environment.name): stack \(stack.name) would hold \(resources) resources and \(outputs) outputs; CloudFormation allows \(maxResources) and \(maxOutputs) (this smgen does not yet split it: make the team or project smaller)"))
            }
        }
        for path in plan.stacks.map({ "stacks/\($0.name).yaml" }).sorted() {
            let size = tree.files[path]!.utf8.count
            if size > 1_000_000 {
                found.append(Diagnostic(.error, file: file, mark: environment.mark, message: "environments.\(environment.name): \(path) is \(size) bytes; CloudFormation accepts at most 1,000,000"))
            } else if size > Renderer.inlineTemplateLimit && environment.templateBucket.isEmpty {
                found.append(Diagnostic(.error, file: file, mark: environment.mark, message: "environments.\(environment.name): \(path) is \(size) bytes, over the \(Renderer.inlineTemplateLimit) bytes CloudFormation takes inline; set template_bucket to an S3 bucket for templates"))
            }
        }
        return found
    }
}
