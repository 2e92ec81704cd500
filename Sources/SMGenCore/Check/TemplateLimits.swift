/// CloudFormation's limits on a template, checked on what the build made and the rendered text, so that
/// no template smgen writes is refused by CloudFormation.
enum TemplateLimits {
    static let maxResources = 500
    static let maxOutputs = 200

    /// `tallies`: every stack of `environment`'s plan, in deploy order; `sizes`: each
    /// rendered stack file's size in bytes, by path.
    static func check(_ tallies: [StackTally], sizes: [String: Int], _ environment: Environment, file: String)
        -> [Diagnostic]
    {
        var found: [Diagnostic] = []
        for tally in tallies {
            let resources = tally.resources
            let outputs = tally.outputs
            if resources > maxResources || outputs > maxOutputs {
                found.append(
                    Diagnostic(
                        .error, file: file, mark: environment.mark,
                        message:
                            "environments.\(environment.name): stack \(tally.stack) would hold \(resources) resources and \(outputs) outputs; CloudFormation allows \(maxResources) and \(maxOutputs) (smgen splits the users, people and models stacks only: move some of its models, projects or people elsewhere)"
                    ))
            }
        }
        // By path (few are found, so only those are sorted).
        let tooLarge = sizes.filter {
            $0.value > 1_000_000 || $0.value > Renderer.inlineTemplateLimit && environment.templateBucket.isEmpty
        }
        for (path, size) in tooLarge.sorted(by: { $0.key < $1.key }) {
            if size > 1_000_000 {
                found.append(
                    Diagnostic(
                        .error, file: file, mark: environment.mark,
                        message:
                            "environments.\(environment.name): \(path) is \(size) bytes; CloudFormation accepts at most 1,000,000"
                    ))
            } else {
                found.append(
                    Diagnostic(
                        .error, file: file, mark: environment.mark,
                        message:
                            "environments.\(environment.name): \(path) is \(size) bytes, over the \(Renderer.inlineTemplateLimit) bytes CloudFormation takes inline; set template_bucket to an S3 bucket for templates"
                    ))
            }
        }
        return found
    }
}
