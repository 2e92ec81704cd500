import SMGenYAML

/// ECR repositories: shared ones for the org and per-project ones.
public struct ECRModule: Sendable {
    public static let defaultSharedRepos = ["base-sklearn", "base-pytorch", "base-xgboost"]
    public static let defaultProjectRepos = ["preprocessing", "training", "inference"]
    public var sharedRepos: [String]
    public var projectRepos: [String]
    public var keepImages: Int
}
