/// Decides which stack holds what, which part of the plan builds it, what each depends on,
/// and which policy documents are published. Stacks are split by lifecycle and blast radius:
/// the network, the identity (admins, MFA), the users (16 shards), the domain, one per team,
/// one per project (its data, images, model registry and access), its people (profiles and
/// spaces), its pipeline and its endpoints (people and endpoints split further when many),
/// the module stacks (ECR, monitoring, the git connection), and the personal access groups
/// of people in too many projects; adding a person touches their users stack and their
/// projects' small stacks only.
///
/// Cross-stack references: values CloudFormation creates (security-group ids, the domain id,
/// execution role ARNs) are exports imported by the stacks that use them, so CloudFormation
/// itself refuses to delete a stack still in use. Everything else is referenced by its
/// deterministic name, after the stack that creates it (`DeployOrder`). No stack takes
/// parameters.
public enum Planner {
    public static func plan(_ config: Config, _ environment: Environment) -> EnvironmentPlan {
        let names = AWSNames(config)
        let groups = GroupPlan(config)
        var parts: [PlanPart] = []
        /// Adds a part of `stacks` (name, kind, dependencies) and `policies`; returns its stacks.
        func part(_ stacks: [(String, StackKind, [String])], _ policies: [PolicyPlan] = []) -> [StackPlan] {
            let planned = stacks.map { StackPlan(name: $0.0, kind: $0.1, part: parts.count, dependsOn: $0.2) }
            parts.append(PlanPart(stacks: planned, policies: policies))
            return planned
        }
        // The platform's shared stacks.
        var shared: [(String, StackKind, [String])] = [
            (names.networkStack, .network, []),
            (names.identityStack, .identity, []),
            (names.domainStack, .domain, [names.networkStack]),
        ]
        if let ecr = config.modules.ecr { shared.append((names.ecrStack, .ecr(ecr), [])) }
        if let monitoring = config.modules.monitoring {
            shared.append((names.monitoringStack, .monitoring(monitoring), []))
        }
        if config.modules.mlops, case .git(let provider) = config.modules.mlopsSource {
            shared.append((names.cicdStack, .cicd(provider: provider), []))
        }
        let platform = part(
            shared,
            [
                PolicyPlan(file: "mfa", name: names.mfaPolicy, holding: .managed, subject: .mfa),
                PolicyPlan(file: "admins", name: names.adminsPolicy, holding: .managed, subject: .admins),
            ])
        // The people, a users stack a shard.
        let shards = Dictionary(grouping: config.users, by: { AWSNames.userShard($0.name) })
        let usersStacks = shards.keys.sorted().flatMap { shard in
            part([(names.usersStack(shard), .users(shard: shard, shards[shard]!), [names.identityStack])])
        }
        let userStackNames = usersStacks.map(\.name)
        /// The users stacks of `users`, in shard order.
        func usersStacksOf(_ users: [String]) -> [String] {
            let needed = Set(users.map { names.usersStack(AWSNames.userShard($0)) })
            return userStackNames.filter(needed.contains)
        }
        // The teams and projects.
        var teamsAndProjects: [StackPlan] = []
        var pipelines: [StackPlan] = []
        var endpoints: [StackPlan] = []
        for team in config.teams {
            teamsAndProjects += part(
                [
                    (
                        names.teamStack(team.id), .team(team),
                        usersStacksOf(team.members) + [names.domainStack]
                    )
                ],
                [
                    PolicyPlan(
                        file: "team-\(team.id)", name: names.teamPolicy(team.id), holding: .managed,
                        subject: .team(team))
                ])
            for project in team.projects {
                let projectStack = names.projectStack(team.id, project.id)
                var stacks: [(String, StackKind, [String])] = [
                    (
                        projectStack, .project(team, project),
                        [names.networkStack] + usersStacksOf(project.members) + [names.domainStack]
                    )
                ]
                for people in PeopleSplit.stacks(team, project, names) {
                    stacks.append(
                        (
                            people.name, .people(team, project, people),
                            [names.networkStack, names.domainStack, projectStack]
                        ))
                }
                let mlops = names.mlopsStack(team.id, project.id)
                if config.modules.mlops {
                    let cicd = config.modules.mlopsSource == .s3 ? [] : [names.cicdStack]
                    stacks.append((mlops, .mlops(team, project), [names.networkStack, projectStack] + cicd))
                }
                let modelsDependencies =
                    [names.networkStack, projectStack]
                    + (config.modules.monitoring == nil ? [] : [names.monitoringStack])
                    + (project.monitorsModels ? [mlops] : [])
                for models in ModelsSplit.stacks(team, project, names) {
                    stacks.append((models.name, .models(team, project, models), modelsDependencies))
                }
                let planned = part(stacks, policies(team, project, config: config, names: names))
                for stack in planned {
                    switch stack.kind {
                    case .mlops: pipelines.append(stack)
                    case .models: endpoints.append(stack)
                    default: teamsAndProjects.append(stack)
                    }
                }
            }
        }
        // Personal access groups, after the project stacks whose member policies they carry.
        let overflowing = Dictionary(grouping: groups.overflowing.sorted(), by: AWSNames.userShard)
        let access = overflowing.keys.sorted().flatMap { shard in
            let users = overflowing[shard]!
            let projectStacks = config.teams.flatMap { team in
                team.projects.filter { project in project.members.contains { users.contains($0) } }.map {
                    names.projectStack(team.id, $0.id)
                }
            }
            return part([
                (
                    names.accessStack(shard), .access(shard: shard, users: users),
                    [names.usersStack(shard)] + projectStacks
                )
            ])
        }
        // Listed in the platform's layers; pipelines, then endpoints last: they need their
        // project's role and, with monitoring, the alarm topic.
        let listed =
            Array(platform.prefix(2)) + usersStacks + Array(platform.dropFirst(2)) + teamsAndProjects + access
            + pipelines + endpoints
        return EnvironmentPlan(
            environment: environment, stacks: DeployOrder.sorted(listed), parts: parts,
            membersAttachedDirectly: groups.membersAttachedDirectly, names: NameCatalogue(config))
    }

    /// The policy documents of one project.
    private static func policies(_ team: Team, _ project: Project, config: Config, names: AWSNames) -> [PolicyPlan] {
        let (t, p) = (team.id, project.id)
        let policy = { (suffix: String, name: String, holding: PolicyPlan.Holding, subject: PolicyPlan.Subject) in
            PolicyPlan(file: "project-\(t)-\(p)-\(suffix)", name: name, holding: holding, subject: subject)
        }
        var policies = [
            policy("member", names.projectMemberPolicy(t, p), .managed, .projectMember(team, project)),
            policy("execution-role", names.executionRolePolicy(t, p), .ofRole, .executionRole(team, project)),
            policy("bucket", "", .resource, .bucket(team, project)),
            policy("deployer", names.deployerPolicy(t, p), .managed, .deployer(team, project)),
            policy("invoker", names.invokerPolicy(t, p), .managed, .invoker(team, project)),
        ]
        if config.modules.mlops {
            policies += [
                policy("build", names.buildPolicy(t, p), .ofRole, .build(team, project)),
                policy("delivery", names.deliveryPolicy(t, p), .ofRole, .delivery(team, project)),
                policy("artifacts-bucket", "", .resource, .artifactsBucket(team, project)),
            ]
            if project.monitorsModels {
                policies.append(policy("retrain", names.retrainPolicy(t, p), .ofRole, .retrain(team, project)))
            }
            if config.modules.mlopsSource == .s3 {
                policies.append(
                    policy("source-events", names.sourceEventsPolicy(t, p), .ofRole, .sourceEvents(team, project)))
            }
        }
        return policies
    }
}
