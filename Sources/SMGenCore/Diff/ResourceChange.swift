import SMGenYAML

/// One resource added, removed or modified in a stack.
public struct ResourceChange: Sendable {
    public enum Kind: String, Sendable { case added, removed, modified }

    public let logicalId: String
    public let type: String
    /// Its AWS name, when the template gives it one: the create-only `...Name` property the
    /// CloudFormation schema lists for its type (`UserName`, `BucketName`, `SpaceName`...).
    public let name: String?
    public let kind: Kind
    public let properties: [PropertyChange]
    public let replacement: Replacement
    /// Data lives in it (a retained bucket, repository or log group; a domain, profile or
    /// space with home directories) and it is being replaced or removed.
    public let dataAtRisk: Bool
}
