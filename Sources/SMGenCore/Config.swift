import SMGenYAML

/// A validated smgen.yaml (version 1), with defaults applied. Collections keep the order of
/// the file; marks point at the keys that define each entity, for later diagnostics.
public struct Config: Sendable {
    public var file: String
    public var version: Int
    public var org: Org
    public var environments: [Environment]
    public var domain: Domain
    public var naming: Naming
    public var modules: Modules
    public var admins: [String]
    public var users: [User]
    public var teams: [Team]
    /// Changes to generated resources, applied last (`overrides:`).
    public var overrides: [Override] = []
    /// Where each admin is named, in the order of `admins`.
    var adminMarks: [Mark] = []
    /// Where the `users` mapping starts.
    var usersMark = Mark(line: 1, column: 1)

    /// Every project with its team, in file order.
    var projectsWithTeams: [(team: Team, project: Project)] {
        teams.flatMap { team in team.projects.map { (team, $0) } }
    }

    /// Every model under Model Monitor, with its project and team, in file order.
    var monitoredModels: [(team: Team, project: Project, model: Model)] {
        projectsWithTeams.flatMap { team, project in project.models.filter(\.monitor).map { (team, project, $0) } }
    }
}

/// The organisation: the name prefix and the tags put on every taggable resource.
public struct Org: Sendable {
    public var company: String
    public var companyMark: Mark
    public var tags: [Tag]
}

/// A key/value tag.
public struct Tag: Sendable, Equatable {
    public var key: String
    public var value: String
}

/// One target: an AWS account and region with its existing VPC.
public struct Environment: Sendable {
    public var name: String
    public var mark: Mark
    public var account: String
    public var region: String
    public var vpc: VPC
    public var templateBucket: String
    /// Where the account is given (the environment's key when it is missing).
    var accountMark = Mark(line: 1, column: 1)
}

/// The existing VPC the platform lives in.
public struct VPC: Sendable {
    public var id: String
    public var cidr: String
    public var subnets: [String]
    public var endpoints: Bool
    public var routeTables: [String]
}

/// The SageMaker domain settings.
public struct Domain: Sendable {
    public var name: String
    public var nameMark: Mark?
    public var idleTimeoutMinutes: Int
}

/// Naming options.
public struct Naming: Sendable {
    public var bucketSuffix: String
    public var bucketSuffixMark: Mark?
}

/// The optional modules; a module is nil when it is not enabled.
public struct Modules: Sendable {
    public var ecr: ECRModule?
    public var modelRegistry: Bool
    public var monitoring: MonitoringModule?
    public var mlops: Bool
    /// Where the projects' CI/CD takes their code from (module `mlops`).
    public var mlopsSource: CodeSource = .s3
    /// Where `modules.mlops` is, for the rules that tie it to other modules.
    var mlopsMark: Mark?
}

/// The source stage of the projects' delivery pipelines.
public enum CodeSource: Sendable, Equatable {
    /// A zip the project uploads to its artifact bucket (`source/source.zip`).
    case s3
    /// A git host, through one CodeStar connection per environment (GitHub, Bitbucket...).
    case git(provider: String)

    /// The git hosts a CodeStar connection reaches.
    public static let providers = ["Bitbucket", "GitHub", "GitLab"]
}

/// ECR repositories: shared ones for the org and per-project ones.
public struct ECRModule: Sendable {
    public static let defaultSharedRepos = ["base-sklearn", "base-pytorch", "base-xgboost"]
    public static let defaultProjectRepos = ["preprocessing", "training", "inference"]
    public var sharedRepos: [String]
    public var projectRepos: [String]
    public var keepImages: Int
}

/// Log retention and alarm notification.
public struct MonitoringModule: Sendable {
    public var processingRetentionDays: Int
    public var trainingRetentionDays: Int
    public var endpointsRetentionDays: Int
    public var alarmEmail: String
}

/// A human, keyed by IAM user name.
public struct User: Sendable {
    public var name: String
    public var mark: Mark
    public var email: String
}

/// A team and its projects.
public struct Team: Sendable {
    public var id: String
    public var mark: Mark
    public var name: String
    public var projects: [Project]
}

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
    public var pipeline: Pipeline

    /// True when an endpoint of the project is under Model Monitor (it then retrains on drift).
    var monitorsModels: Bool { models.contains(where: \.monitor) }
}

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

/// How an endpoint is hosted: on instances (optionally autoscaled) or serverless.
public enum Hosting: Sendable, Equatable {
    case instances(type: String, autoscaling: Autoscaling?)
    case serverless(memoryMB: Int, maxConcurrency: Int)
}

/// Target-tracking autoscaling of an endpoint variant.
public struct Autoscaling: Sendable, Equatable {
    public var min: Int
    public var max: Int
    public var targetInvocations: Int
}

/// Per-project settings of the MLOps pipeline.
public struct Pipeline: Sendable {
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
