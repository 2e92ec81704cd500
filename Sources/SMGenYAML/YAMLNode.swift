/// A parsed YAML node with the position it starts at. Aliases are already resolved
/// and merge keys (`<<`) already applied.
public struct YAMLNode: Sendable {
    /// The node's content.
    public enum Kind: Sendable {
        case scalar(String, ScalarStyle)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public let kind: Kind
    public let mark: Mark
    /// The resolved tag (`tag:yaml.org,2002:str` for `!!str`, `!Ref` for a local tag), if one was written.
    public let tag: String?

    public init(kind: Kind, mark: Mark, tag: String? = nil) {
        self.kind = kind
        self.mark = mark
        self.tag = tag
    }

    /// The scalar text, or nil for a collection.
    public var scalar: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    /// True for a plain, untagged scalar: the only kind YAML resolves to non-strings.
    public var isPlainScalar: Bool {
        if case .scalar(_, .plain) = kind { return tag == nil }
        return false
    }
}
