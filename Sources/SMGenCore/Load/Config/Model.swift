import SMGenYAML

/// A model served by one real-time endpoint.
public struct Model: Sendable {
    /// The instance type when a model names neither `instance_type` nor `serverless`
    /// (the platform's suggestion for tabular models).
    public static let defaultInstanceType = "ml.m5.large"
    public var name: String
    public var mark: Mark
    public var version: Int
    public var image: String
    public var hosting: Hosting
    /// Model Monitor on the endpoint: data capture, an hourly data-quality schedule, and a
    /// drift alarm that retrains through the project's pipeline (module `mlops`).
    public var monitor = false
    var monitorMark: Mark?
    /// The input feature whose drift the alarm watches (`feature_baseline_drift_<feature>`).
    public var driftFeature = Model.defaultDriftFeature
    public static let defaultDriftFeature = "distance"
}
