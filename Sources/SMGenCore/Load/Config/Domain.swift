import SMGenYAML

/// The SageMaker domain settings.
public struct Domain: Sendable {
    public var name: String
    public var nameMark: Mark?
    public var idleTimeoutMinutes: Int
}
