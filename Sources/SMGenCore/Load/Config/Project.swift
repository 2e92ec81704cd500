import SMGenYAML

/// A project: one bucket, one execution role, its members and models.
public struct Project: Sendable {
    public var id: String
    public var mark: Mark
    /// The short id used in profile, space and execution-role names (defaults to `id`).
    public var short: String
    public var shortMark: Mark?
    public var members: [String]
    var memberMarks: [Mark] = []
    public var models: [Model]
    public var pipeline: PipelineSettings

    /// True when an endpoint of the project is under Model Monitor (it then retrains on drift).
    var monitorsModels: Bool { models.contains(where: \.monitor) }
}
