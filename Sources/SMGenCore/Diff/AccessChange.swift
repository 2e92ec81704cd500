import SMGenYAML

/// One change to who can do what: an IAM statement, a security-group rule or a membership
/// (user in group, policy attached), added or removed.
public struct AccessChange: Sendable {
    public enum Sign: String, Sendable {
        case added = "+"
        case removed = "-"
    }
    public enum Kind: String, Sendable {
        case statement = "IAM statement"
        case rule = "security group rule"
        case membership = "membership"
    }

    public let sign: Sign
    public let kind: Kind
    /// `stack/LogicalId` of the policy, group or attachment holding it.
    public let holder: String
    /// For statements: Effect, Action, Resource, Principal, Condition. For rules: Direction,
    /// Protocol, Ports, Peer, Description. For memberships: Property, Member.
    public let fields: [(name: String, value: String)]

    /// True when the change can give someone more access than before: an Allow statement,
    /// a rule or a membership added, or a Deny statement removed.
    public var widens: Bool {
        let effect = fields.first { $0.name == "Effect" }?.value
        switch kind {
        case .statement: return (sign == .added) == (effect != "Deny")
        case .rule, .membership: return sign == .added
        }
    }
}
