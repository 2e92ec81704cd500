import SMGenYAML

/// One value that differs inside a resource: its path (`Properties.RoleName`,
/// `Properties.Tags.0.Value`), and the value before and after (nil when absent).
public struct PropertyChange: Sendable, Equatable {
    public let path: String
    public let old: YAMLValue?
    public let new: YAMLValue?
}
