/// How a project's endpoints are spread over models stacks (`ModelsStack` builds each).
///
/// A project's endpoints share one stack while as many models as one template holds with
/// every option on (`capacity`) would fit. A project with more has one stack per model shard
/// instead (`AWSNames.modelShard`, a hash of the model's name), so that from then on adding a
/// model never moves another between stacks; crossing the capacity moves every endpoint of
/// the project once (the old stack must go first: `cleanup.sh --stale`).
enum ModelsSplit {
    /// The most resources one model brings: its model, endpoint configuration and endpoint,
    /// autoscaling (2), Model Monitor (3), and with the monitoring module its log group and
    /// six alarms.
    static let maxResourcesPerModel = 15
    /// The most models one stack holds, whatever is on.
    static let capacity = AWSLimits.resourcesPerTemplate / maxResourcesPerModel

    /// One models stack: its name, its models, and which of the project's models they are
    /// (empty for all of them).
    typealias Stack = (name: String, models: [Model], scope: String)

    /// The models stacks of `project`, in deploy order.
    static func stacks(_ team: Team, _ project: Project, _ names: AWSNames) -> [Stack] {
        if project.models.isEmpty { return [] }
        guard project.models.count > capacity else {
            return [(names.modelsStack(team.id, project.id), project.models, "")]
        }
        let shards = Dictionary(grouping: project.models, by: { AWSNames.modelShard($0.name) })
        return shards.keys.sorted().map {
            (
                names.modelsStack(team.id, project.id, shard: $0), shards[$0]!,
                "one model shard of \(AWSNames.userShardCount)"
            )
        }
    }
}
