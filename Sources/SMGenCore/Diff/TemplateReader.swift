import SMGenYAML

/// Reads a CloudFormation template smgen wrote back into a `YAMLValue`, local tags
/// (`!Ref`, `!Sub`...) kept, so that a deployed tree and a fresh rendering compare alike.
enum TemplateReader {
    /// The template's value, or nil when the text is not YAML.
    static func value(of text: String) -> YAMLValue? {
        YAMLParser().parse(Array(text.utf8)).root.map(value)
    }

    static func value(_ node: YAMLNode) -> YAMLValue {
        let plain: YAMLValue
        switch node.kind {
        case .scalar(let text, let style):
            plain = style == .plain && node.tag == nil ? scalar(text) : .string(text)
        case .sequence(let items):
            plain = .list(items.map(value))
        case .mapping(let pairs):
            plain = .map(pairs.map { YAMLEntry($0.key.scalar ?? "", value($0.value)) })
        }
        guard let tag = node.tag, tag.hasPrefix("!") else { return plain }
        return .tagged(tag, plain)
    }

    /// A plain scalar as YAML resolves it: integers, booleans and null; the rest is text.
    private static func scalar(_ text: String) -> YAMLValue {
        switch text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null", "~": return .null
        default: return Int(text).map(YAMLValue.int) ?? .string(text)
        }
    }
}

extension YAMLValue {
    /// The entry under `key` of a map, or nil.
    subscript(key: String) -> YAMLValue? {
        guard case .map(let entries) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }

    /// The value as one line for people: strings bare, intrinsic functions in their short
    /// YAML form (`!Ref Bucket`), collections as compact JSON with those forms as strings.
    var display: String {
        let plain = untagged
        if case .string(let text) = plain { return text }
        return JSONWriter.compact(plain)
    }

    /// The value with every tagged node turned into its short YAML form as a string.
    var untagged: YAMLValue {
        switch self {
        case .tagged(let tag, let inner):
            if case .list(let parts) = inner { return .string("\(tag) \(parts.map(\.display).joined(separator: " "))") }
            return .string("\(tag) \(inner.display)")
        case .list(let items): return .list(items.map(\.untagged))
        case .map(let entries): return .map(entries.map { YAMLEntry($0.key, $0.value.untagged) })
        default: return self
        }
    }
}
