import Foundation

/// `smgen render`: every environment (or one) into `<output>/<env>/`, or with `check`, only
/// report which files would change (exit 1) without writing.
public enum RenderCommand {
    public static func run(configPath: String, output: String, environment: String?, check: Bool) -> CommandResult {
        let rendered: RenderedEnvironments
        switch RenderedEnvironments.load(configPath: configPath, environment: environment) {
        case .success(let loaded): rendered = loaded
        case .failure(let failure): return failure.result
        }
        let trees = rendered.trees.map { ($0.environment.name, $0.tree) }
        let warnings = rendered.warnings
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
        let summary = rendered.trees.map { environment, tree in
            let stacks = tree.files.keys.filter { $0.hasPrefix("stacks/") }.count
            let policies = tree.files.keys.filter { $0.hasPrefix("policies/") }.count
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
            let size = tree.files[path]!.count
            if size > 1_000_000 {
                found.append(Diagnostic(.error, file: file, mark: environment.mark, message: "environments.\(environment.name): \(path) is \(size) bytes; CloudFormation accepts at most 1,000,000"))
            } else if size > Renderer.inlineTemplateLimit && environment.templateBucket.isEmpty {
                found.append(Diagnostic(.error, file: file, mark: environment.mark, message: "environments.\(environment.name): \(path) is \(size) bytes, over the \(Renderer.inlineTemplateLimit) bytes CloudFormation takes inline; set template_bucket to an S3 bucket for templates"))
            }
        }
        return found
    }
}
