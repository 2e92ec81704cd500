/// CloudFormation's limits on a template, checked on what the build made and the rendered text, so that
/// no template smgen writes is refused by CloudFormation.
enum TemplateLimits {

    /// `tallies`: every stack of `environment`'s plan, in deploy order; `sizes`: each
    /// rendered stack file's size in bytes, by path.
    static func check(_ tallies: [StackTally], sizes: [String: Int], _ environment: Environment, file: String)
        -> [Diagnostic]
    {
        var found: [Diagnostic] = []
        for tally in tallies {
            let resources = tally.resources
            let outputs = tally.outputs
            if resources > AWSLimits.resourcesPerTemplate || outputs > AWSLimits.outputsPerTemplate {
                found.append(
                    Diagnostic(
                        .error, file: file, mark: environment.mark,
                        message:
                            "environments.\(environment.name): stack \(tally.stack) would hold \(resources) resources and \(outputs) outputs; CloudFormation allows \(AWSLimits.resourcesPerTemplate) and \(AWSLimits.outputsPerTemplate) (smgen splits the users, people and models stacks only: move some of its models, projects or people elsewhere)"
                    ))
            }
        }
        // By path (few are found, so only those are sorted).
        let tooLarge = sizes.filter {
            $0.value > AWSLimits.templateBytes
                || $0.value > AWSLimits.inlineTemplateBytes && environment.templateBucket.isEmpty
        }
        for (path, size) in tooLarge.sorted(by: { $0.key < $1.key }) {
            if size > AWSLimits.templateBytes {
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
                            "environments.\(environment.name): \(path) is \(size) bytes, over the \(AWSLimits.inlineTemplateBytes) bytes CloudFormation takes inline; set template_bucket to an S3 bucket for templates"
                    ))
            }
        }
        return found
    }
}
