import Foundation
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
    static func parts(_ document: PolicyDocument, _ context: PlatformContext, name: String) -> [Part] {
        context.policyParts.parts(name) { pack(document, context) }
    }

    private static func pack(_ document: PolicyDocument, _ context: PlatformContext) -> [Part] {
        let resolver = PolicyResolver(environment: context.environment)
        // A compact document is `{"Version":"2012-10-17","Statement":[` + statements joined by
        // commas + `]}`, so its size is the sum of its statements' sizes plus that frame.
        // Sized in UTF-8 bytes: never fewer than the characters IAM counts.
        let frame = JSONWriter.compact(resolver.resolve(PolicyDocument([]).value)).utf8.count
        let statementSize = { (statement: PolicyStatement) in JSONWriter.compact(resolver.resolve(statement.value)).utf8.count }
        var packed: [[PolicyStatement]] = [[]]
        var packedSize = frame
        for whole in document.statements {
          for (statement, added) in fitting(whole, size: statementSize(whole), frame: frame, measure: statementSize) {
            if !packed[packed.count - 1].isEmpty && packedSize + 1 + added > maxCharacters {
                packed.append([])
                packedSize = frame
            }
            packedSize += (packed[packed.count - 1].isEmpty ? 0 : 1) + added
            packed[packed.count - 1].append(statement)
          }
        }
        return packed.enumerated().map { index, statements in
            Part(suffix: index == 0 ? "" : "-\(index + 1)", document: PolicyDocument(statements))
        }
    }

    /// The statement with its size, or copies of it each with a share of its resources when
    /// it is too large alone.
    private static func fitting(_ statement: PolicyStatement, size: Int, frame: Int,
                                measure: (PolicyStatement) -> Int) -> [(PolicyStatement, Int)] {
        guard frame + size > maxCharacters, statement.resources.count > 1 else {
            precondition(frame + size <= maxCharacters, "policy statement \(statement.sid) alone exceeds \(maxCharacters) characters")
            return [(statement, size)]
        }
        var result: [(PolicyStatement, Int)] = []
        var current = statement
        current.resources = []
        var currentSize = 0
        for resource in statement.resources {
            var candidate = current
            candidate.resources.append(resource)
            let candidateSize = measure(candidate)
            if !current.resources.isEmpty && frame + candidateSize > maxCharacters {
                result.append((current, currentSize))
                current.resources = [resource]
                current.sid = "\(statement.sid)\(result.count + 1)"
                currentSize = measure(current)
            } else {
                current = candidate
                currentSize = candidateSize
            }
        }
        result.append((current, currentSize))
        return result
    }

    /// Adds the parts as `AWS::IAM::ManagedPolicy` resources attached by `attachment`
    /// (`Groups` or `Roles`) to `target`.
    static func add(_ document: PolicyDocument, to template: inout CloudFormationTemplate, logicalId: String, name: String,
                    description: String, attachment: (key: String, target: String)?, context: PlatformContext) {
        for (index, part) in parts(document, context, name: name).enumerated() {
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

/// The packed parts of each managed policy of one plan, by policy name: the stacks and the
/// standalone policy files need the same parts, computed once (projects are planned on
/// several threads, hence the lock).
final class PolicyPartsCache: @unchecked Sendable {
    private let lock = NSLock()
    private var known: [String: [ManagedPolicies.Part]] = [:]

    /// The parts cached under `name`, computed by `compute` the first time.
    func parts(_ name: String, _ compute: () -> [ManagedPolicies.Part]) -> [ManagedPolicies.Part] {
        if let found = lock.withLock({ known[name] }) { return found }
        let computed = compute()
        lock.withLock { known[name] = computed }
        return computed
    }
}
