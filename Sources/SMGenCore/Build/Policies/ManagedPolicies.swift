import Foundation
import SMGenYAML

/// IAM managed policies hold at most 6,144 characters (whitespace not counted). A policy
/// document that would be larger is packed, statement by statement in order, into several
/// managed policies (`name`, `name-2`, ...), each attached to the same group, role or users; a
/// statement too large on its own has its resources spread over several statements.
enum ManagedPolicies {

    /// One deployable part: its suffix (`""`, `"-2"`, ...) and its document.
    struct Part {
        let suffix: String
        /// As its stack deploys it, with `!Sub` and `!ImportValue` (which `policies/` shows
        /// resolved, `PolicyResolver`).
        let value: YAMLValue
    }

    /// A statement, its value, and the size of its compact resolved JSON.
    private struct Measured {
        let statement: PolicyStatement
        let value: YAMLValue
        let size: Int
    }

    /// The document in parts that each fit, sized with the environment's values filled in
    /// (values imported from other stacks count with their longer `{{import:...}}` markers).
    /// Each policy is packed once per plan: `document` is built only the first time `name` is asked for.
    static func parts(_ document: @autoclosure () -> PolicyDocument, _ context: PlatformContext, name: String) -> [Part]
    {
        context.policyParts.parts(name) { pack(document(), context) }
    }

    /// Whether `document` fits one managed policy, sized as `parts` sizes it.
    static func fitsOne(_ document: PolicyDocument, _ context: PlatformContext) -> Bool {
        JSONWriter.compactSize(document.value, tags: context.resolver.tagText) <= AWSLimits.managedPolicyCharacters
    }

    /// The document packed into parts of at most `AWSLimits.managedPolicyCharacters` each.
    static func pack(_ document: PolicyDocument, _ context: PlatformContext) -> [Part] {
        let tags = context.resolver.tagText
        // A compact document is `{"Version":"2012-10-17","Statement":[` + statements joined by
        // commas + `]}`, so its size is the sum of its statements' sizes plus that frame.
        // Sized in UTF-8 bytes: never fewer than the characters IAM counts.
        let frame = JSONWriter.compactSize(PolicyDocument.value(of: []))
        let measure = { (statement: PolicyStatement) -> Measured in
            let value = statement.value
            return Measured(statement: statement, value: value, size: JSONWriter.compactSize(value, tags: tags))
        }
        var packed: [[Measured]] = [[]]
        var packedSize = frame
        for whole in document.statements {
            for piece in fitting(measure(whole), frame: frame, measure: measure) {
                if !packed[packed.count - 1].isEmpty && packedSize + 1 + piece.size > AWSLimits.managedPolicyCharacters
                {
                    packed.append([])
                    packedSize = frame
                }
                packedSize += (packed[packed.count - 1].isEmpty ? 0 : 1) + piece.size
                packed[packed.count - 1].append(piece)
            }
        }
        return packed.enumerated().map { index, pieces in
            Part(suffix: index == 0 ? "" : "-\(index + 1)", value: PolicyDocument.value(of: pieces.map(\.value)))
        }
    }

    /// The statement, or copies of it each with a share of its resources when it is too
    /// large alone.
    private static func fitting(_ whole: Measured, frame: Int, measure: (PolicyStatement) -> Measured) -> [Measured] {
        let statement = whole.statement
        guard frame + whole.size > AWSLimits.managedPolicyCharacters, statement.resources.count > 1 else {
            precondition(
                frame + whole.size <= AWSLimits.managedPolicyCharacters,
                "policy statement \(statement.sid) alone exceeds \(AWSLimits.managedPolicyCharacters) characters")
            return [whole]
        }
        var result: [Measured] = []
        var empty = statement
        empty.resources = []
        var current = Measured(statement: empty, value: .null, size: 0)
        for resource in statement.resources {
            var candidate = current.statement
            candidate.resources.append(resource)
            let measured = measure(candidate)
            if !current.statement.resources.isEmpty && frame + measured.size > AWSLimits.managedPolicyCharacters {
                result.append(current)
                var next = current.statement
                next.resources = [resource]
                next.sid = "\(statement.sid)\(result.count + 1)"
                current = measure(next)
            } else {
                current = measured
            }
        }
        result.append(current)
        return result
    }

    /// What a managed policy is attached to: a group or a role of the same stack (by logical
    /// id), or IAM users (by name).
    enum Attachment {
        case group(String)
        case role(String)
        case users([String])

        var entry: YAMLEntry {
            switch self {
            case .group(let logicalId): return YAMLEntry("Groups", [Fn.ref(logicalId)])
            case .role(let logicalId): return YAMLEntry("Roles", [Fn.ref(logicalId)])
            case .users(let names): return YAMLEntry("Users", .strings(names))
            }
        }
    }

    /// Adds the parts as `AWS::IAM::ManagedPolicy` resources, each attached by `attachment`;
    /// returns their logical ids.
    @discardableResult
    static func add(
        _ document: PolicyDocument, to template: inout CloudFormationTemplate, logicalId: String, name: String,
        description: String, attachment: Attachment?, context: PlatformContext
    ) -> [String] {
        add(
            parts(document, context, name: name), to: &template, logicalId: logicalId, name: name,
            description: description, attachment: attachment)
    }

    /// Adds `parts` as `AWS::IAM::ManagedPolicy` resources, each attached by `attachment`;
    /// returns their logical ids.
    static func add(
        _ parts: [Part], to template: inout CloudFormationTemplate, logicalId: String, name: String,
        description: String, attachment: Attachment?
    ) -> [String] {
        parts.enumerated().map { index, part in
            var properties = [
                YAMLEntry("ManagedPolicyName", .string(name + part.suffix)),
                YAMLEntry("Description", .string(index == 0 ? description : "\(description) (part \(index + 1))")),
            ]
            if let attachment { properties.append(attachment.entry) }
            properties.append(YAMLEntry("PolicyDocument", part.value))
            let partId = index == 0 ? logicalId : "\(logicalId)\(index + 1)"
            template.add(.init(partId, "AWS::IAM::ManagedPolicy", properties: properties))
            return partId
        }
    }
}
