import SMGenYAML

/// IAM managed policies hold at most 6,144 characters (whitespace not counted). A policy
/// document that would be larger is packed, statement by statement in order, into several
/// managed policies (`name`, `name-2`, ...), each attached to the same group or role; a
/// statement too large on its own has its resources spread over several statements.
enum ManagedPolicies {
    static let maxCharacters = 6_144

    /// One deployable part: its suffix (`""`, `"-2"`, ...) and its document.
    struct Part {
        let suffix: String
        let document: PolicyDocument
    }

    /// The document in parts that each fit, sized with the environment's values filled in
    /// (values imported from other stacks count with their longer `{{import:...}}` markers).
    static func parts(_ document: PolicyDocument, _ context: PlatformContext) -> [Part] {
        let resolver = PolicyResolver(environment: context.environment)
        let size = { (statements: [PolicyStatement]) in JSONWriter.compact(resolver.resolve(PolicyDocument(statements).value)).count }
        var packed: [[PolicyStatement]] = [[]]
        for statement in document.statements.flatMap({ fitting($0, size: size) }) {
            if !packed[packed.count - 1].isEmpty && size(packed[packed.count - 1] + [statement]) > maxCharacters {
                packed.append([])
            }
            packed[packed.count - 1].append(statement)
        }
        return packed.enumerated().map { index, statements in
            Part(suffix: index == 0 ? "" : "-\(index + 1)", document: PolicyDocument(statements))
        }
    }

    /// The statement, or copies of it each with a share of its resources when it is too large alone.
    private static func fitting(_ statement: PolicyStatement, size: ([PolicyStatement]) -> Int) -> [PolicyStatement] {
        guard size([statement]) > maxCharacters, statement.resources.count > 1 else {
            precondition(size([statement]) <= maxCharacters, "policy statement \(statement.sid) alone exceeds \(maxCharacters) characters")
            return [statement]
        }
        var result: [PolicyStatement] = []
        var current = statement
        current.resources = []
        for resource in statement.resources {
            var candidate = current
            candidate.resources.append(resource)
            if !current.resources.isEmpty && size([candidate]) > maxCharacters {
                result.append(current)
                current.resources = [resource]
                current.sid = "\(statement.sid)\(result.count + 1)"
            } else {
                current = candidate
            }
        }
        result.append(current)
        return result
    }

    /// Adds the parts as `AWS::IAM::ManagedPolicy` resources attached by `attachment`
    /// (`Groups` or `Roles`) to `target`.
    static func add(_ document: PolicyDocument, to template: inout CloudFormationTemplate, logicalId: String, name: String,
                    description: String, attachment: (key: String, target: String)?, context: PlatformContext) {
        for (index, part) in parts(document, context).enumerated() {
            var properties = [
                YAMLEntry("ManagedPolicyName", .string(name + part.suffix)),
                YAMLEntry("Description", .string(index == 0 ? description : "\(description) (part \(index + 1))")),
            ]
            if let attachment { properties.append(YAMLEntry(attachment.key, [Fn.ref(attachment.target)])) }
            properties.append(YAMLEntry("PolicyDocument", part.document.value))
            template.add(.init(index == 0 ? logicalId : "\(logicalId)\(index + 1)", "AWS::IAM::ManagedPolicy", properties: properties))
        }
    }
}
