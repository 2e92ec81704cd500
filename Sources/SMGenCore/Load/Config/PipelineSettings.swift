import SMGenYAML

/// Per-project settings of the MLOps pipeline.
public struct PipelineSettings: Sendable {
    public static let defaultAccuracyThreshold = 0.8
    public static let defaultInstanceType = "ml.m5.large"
    /// The evaluation accuracy a model needs to be registered.
    public var accuracyThreshold: Double
    /// The instance type of the pipeline's processing and training jobs.
    public var instanceType: String = defaultInstanceType
    /// The git repository (`owner/name`) of the project's code, with a git source.
    public var repository: String?
    var repositoryMark: Mark?
    /// The branch the delivery pipeline follows, with a git source.
    public var branch = "main"
}
