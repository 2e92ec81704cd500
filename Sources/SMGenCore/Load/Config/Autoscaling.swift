import SMGenYAML

/// Target-tracking autoscaling of an endpoint variant.
public struct Autoscaling: Sendable, Equatable {
    public var min: Int
    public var max: Int
    public var targetInvocations: Int
}
