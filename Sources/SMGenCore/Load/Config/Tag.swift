import SMGenYAML

/// A key/value tag.
public struct Tag: Sendable, Equatable {
    public var key: String
    public var value: String
}
