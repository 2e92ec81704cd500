/// What a stack of the plan holds, and so which builder makes its template (`StackBuilder`).
enum StackKind: Sendable {
    /// The security groups and VPC endpoints (`NetworkStack`).
    case network
    /// The admins group and the MFA and admin policies (`IdentityStack`).
    case identity
    /// The IAM users of one user shard (`UsersStack`).
    case users(shard: Int, [User])
    /// The Studio domain (`DomainStack`).
    case domain
    /// The shared ECR repositories (`EcrStack`).
    case ecr(ECRModule)
    /// The alarm topic and log retention (`MonitoringStack`).
    case monitoring(MonitoringModule)
    /// The git connection of the MLOps pipelines (`CICDStack`).
    case cicd(provider: String)
    /// One team's shared resources (`TeamStack`).
    case team(Team)
    /// One project's data, images, registry and execution role (`ProjectStack`).
    case project(Team, Project)
    /// Some or all of one project's user profiles and spaces (`PeopleStack`).
    case people(Team, Project, PeopleSplit.Stack)
    /// One project's build and delivery pipeline (`MLOpsStack`).
    case mlops(Team, Project)
    /// Some or all of one project's endpoints (`ModelsStack`).
    case models(Team, Project, ModelsSplit.Stack)
    /// The personal access groups of one user shard's people (`AccessStack`).
    case access(shard: Int, users: [String])
}
