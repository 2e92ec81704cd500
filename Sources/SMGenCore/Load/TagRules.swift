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
        guard case .mapping(let pairs) = root.kind else {
            checkNode(root, inTemplate: false, sink: &sink)
            return
        }
        if let tag = root.tag, tag != stringTag { report(root, tag, inTemplate: false, sink: &sink) }
        for pair in pairs {
            checkNode(pair.key, inTemplate: false, sink: &sink)
            guard pair.key.scalar == "overrides", case .sequence(let overrides) = pair.value.kind else {
                checkNode(pair.value, inTemplate: false, sink: &sink)
                continue
            }
            if let tag = pair.value.tag, tag != stringTag { report(pair.value, tag, inTemplate: false, sink: &sink) }
            for override in overrides {
                guard case .mapping(let fields) = override.kind else {
                    checkNode(override, inTemplate: false, sink: &sink)
                    continue
                }
                if let tag = override.tag, tag != stringTag { report(override, tag, inTemplate: false, sink: &sink) }
                for field in fields {
                    checkNode(field.key, inTemplate: false, sink: &sink)
                    checkNode(field.value, inTemplate: field.key.scalar == "value", sink: &sink)
                }
            }
        }
    }

    private static func checkNode(_ node: YAMLNode, inTemplate: Bool, sink: inout DiagnosticSink) {
        if let tag = node.tag, tag != stringTag, !(inTemplate && intrinsicFunctions.contains(tag)) {
            report(node, tag, inTemplate: inTemplate, sink: &sink)
        }
        switch node.kind {
        case .scalar: break
        case .sequence(let items): for item in items { checkNode(item, inTemplate: inTemplate, sink: &sink) }
        case .mapping(let pairs):
            for pair in pairs {
                checkNode(pair.key, inTemplate: inTemplate, sink: &sink)
                checkNode(pair.value, inTemplate: inTemplate, sink: &sink)
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
