import SMGenYAML

/// A human, keyed by IAM user name.
public struct User: Sendable {
    public var name: String
    public var mark: Mark
    public var email: String
}
