import SMGenYAML

/// Naming options.
public struct Naming: Sendable {
    public var bucketSuffix: String
    public var bucketSuffixMark: Mark?
}
