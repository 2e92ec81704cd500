import SMGenYAML

/// How a stack changes: added, removed, or modified resource by resource.
public struct StackChange: Sendable {
    public enum Kind: String, Sendable { case added, removed, modified }

    public let name: String
    public let kind: Kind
    public let resources: [ResourceChange]
    /// Changes outside `Resources` (the description, outputs and exports) of a modified stack.
    public let template: [PropertyChange]
}
