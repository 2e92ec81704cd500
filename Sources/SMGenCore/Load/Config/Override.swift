import SMGenYAML

/// One entry of `overrides:`: set or remove one value of a generated resource, applied last
/// so that no generated file is ever edited by hand.
public struct Override: Sendable {
    public enum Action: Sendable {
        case set(YAMLValue)
        case delete
    }

    /// The stack's full name, e.g. `acme-sm-domain`.
    public var stack: String
    /// The resource's logical ID in that stack.
    public var resource: String
    /// The dotted path inside the resource: `Properties.X.Y`, list items by index (`Tags.0`).
    public var path: [String]
    public var action: Action
    /// Only in this environment (nil: every environment).
    public var environment: String?
    /// Why the override exists, shown in the generated README.
    public var reason: String?
    /// Where it is in the config, for messages: `overrides[2]`.
    var label: String
    var stackMark: Mark
    var resourceMark: Mark
    var pathMark: Mark
}
