import Foundation

/// `smgen render`: every environment (or one) into `<output>/<env>/`, or with `check`, only
/// report which files would change (exit 1) without writing.
public enum RenderCommand {
    public static func run(configPath: String, output: String, environment: String?, check: Bool) -> CommandResult {
        let outputURL = URL(fileURLWithPath: output)
        if check {
            let rendered: RenderedEnvironments.InMemory
            switch RenderedEnvironments.inMemory(configPath: configPath, environment: environment) {
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
        let loaded = RenderedEnvironments.load(configPath: configPath, environment: environment) { environment -> any RenderedFileSink in
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

/// CloudFormation's limits on a template, checked on the plan and the rendered text, so that
/// no template smgen writes is refused by CloudFormation.
enum TemplateLimits {
    static let maxResources = 500
    static let maxOutputs = 200

    /// `sizes`: each rendered stack file's size in bytes, by path (every stack of `plan`).
    static func check(_ plan: EnvironmentPlan, sizes: [String: Int], file: String) -> [Diagnostic] {
        let environment = plan.environment
        var found: [Diagnostic] = []
        for stack in plan.stacks {
            let resources = stack.facts.resources, outputs = stack.facts.outputs
            if resources > maxResources || outputs > maxOutputs {
                found.append(Diagnostic(.error, file: file, mark: environment.mark, message: "environments.\(environment.name): stack \(stack.name) would hold \(resources) resources and \(outputs) outputs; CloudFormation allows \(maxResources) and \(maxOutputs) (smgen splits the users, people and models stacks only: move some of its models, projects or people elsewhere)"))
            }
        }
        // By path (few are found, so only those are sorted).
        let tooLarge = sizes.filter { $0.value > 1_000_000 || $0.value > Renderer.inlineTemplateLimit && environment.templateBucket.isEmpty }
        for (path, size) in tooLarge.sorted(by: { $0.key < $1.key }) {
            if size > 1_000_000 {
                found.append(Diagnostic(.error, file: file, mark: environment.mark, message: "environments.\(environment.name): \(path) is \(size) bytes; CloudFormation accepts at most 1,000,000"))
            } else {
                found.append(Diagnostic(.error, file: file, mark: environment.mark, message: "environments.\(environment.name): \(path) is \(size) bytes, over the \(Renderer.inlineTemplateLimit) bytes CloudFormation takes inline; set template_bucket to an S3 bucket for templates"))
            }
        }
        return found
    }
}
