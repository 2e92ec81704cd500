import SMGenYAML

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
