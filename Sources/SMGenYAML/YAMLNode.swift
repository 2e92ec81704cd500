/// How a scalar was written in the source; plain scalars are the only ones whose
/// text may stand for a number, a boolean or null.
public enum ScalarStyle: Sendable, Equatable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

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

/// One key and its value inside a mapping node.
public struct YAMLPair: Sendable {
    public let key: YAMLNode
    public let value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A problem found while reading YAML, at the position it concerns.
public struct YAMLError: Error, Sendable, Equatable {
    public let mark: Mark
    public let message: String

    public init(mark: Mark, message: String) {
        self.mark = mark
        self.message = message
    }
}
