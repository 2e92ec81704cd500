import SMGenYAML

/// YAML tags in a config: smgen gives them no meaning, so each is an error at its node,
/// never silently dropped. Two kinds are allowed: `!!str`, which only says a scalar is text,
/// and, inside an override's `value` (a piece of CloudFormation template), the short forms
/// of CloudFormation's intrinsic functions (`!Ref`, `!Sub`...).
enum TagRules {
    /// CloudFormation's intrinsic functions in their YAML short form.
    static let intrinsicFunctions: Set<String> = [
        "!Base64", "!Cidr", "!Condition", "!Equals", "!FindInMap", "!GetAtt", "!GetAZs", "!If", "!ImportValue",
        "!Join", "!Not", "!And", "!Or", "!Ref", "!Select", "!Split", "!Sub", "!Transform",
    ]

    static let stringTag = "tag:yaml.org,2002:str"

    static func check(_ root: YAMLNode, sink: inout DiagnosticSink) {
        check(root, .root, sink: &sink)
    }

    /// Where a node is: what tags it may have, and what its children are.
    private enum Place {
        case root, overrides, override, template, other

        /// The place of a child: of a sequence's item (`key` nil) or of a mapping's value.
        func child(key: String?) -> Place {
            switch (self, key) {
            case (.root, "overrides"): .overrides
            case (.overrides, nil): .override
            case (.override, "value"): .template
            case (.template, _): .template
            default: .other
            }
        }
    }

    private static func check(_ node: YAMLNode, _ place: Place, sink: inout DiagnosticSink) {
        if let tag = node.tag, tag != stringTag, !(place == .template && intrinsicFunctions.contains(tag)) {
            report(node, tag, inTemplate: place == .template, sink: &sink)
        }
        switch node.kind {
        case .scalar: break
        case .sequence(let items): for item in items { check(item, place.child(key: nil), sink: &sink) }
        case .mapping(let pairs):
            for pair in pairs {
                check(pair.key, place == .template ? .template : .other, sink: &sink)
                check(pair.value, place.child(key: pair.key.scalar), sink: &sink)
            }
        }
    }

    private static func report(_ node: YAMLNode, _ tag: String, inTemplate: Bool, sink: inout DiagnosticSink) {
        let shown = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag[...]
        sink.error(
            node.mark,
            inTemplate
                ? "the tag '\(shown)' is not a CloudFormation function; an override's value may use !Ref, !Sub, !GetAtt and the other intrinsic functions' short forms only"
                : "the tag '\(shown)' has no meaning in smgen.yaml; remove it (quote the value to make it text)")
    }
}
