import SMGenYAML

/// One stack of an environment: its name, the stacks it needs deployed first, its template.
/// A class: thousands of them are handed around (the deploy order, the README, the scripts,
/// the manifest), each copy a single reference instead of one for each of its fields.
public final class StackPlan: Sendable {
    public let name: String
    public let dependsOn: [String]
    /// Empty once the stack is rendered while the plan is made (`rendered`).
    public let template: CloudFormationTemplate
    /// What the checks and the manifest need of the template, kept when it is let go.
    public let facts: StackFacts
    /// The stack's file, when it was rendered while the plan was made (`FileRenderer`).
    let rendered: RenderedFile?

    convenience init(name: String, dependsOn: [String], template: CloudFormationTemplate) {
        self.init(name: name, dependsOn: dependsOn, template: template, facts: StackFacts(template), rendered: nil)
    }

    private init(name: String, dependsOn: [String], template: CloudFormationTemplate, facts: StackFacts, rendered: RenderedFile?) {
        self.name = name
        self.dependsOn = dependsOn
        self.template = template
        self.facts = facts
        self.rendered = rendered
    }

    /// This stack as rendered into `file`, its template let go.
    func released(as file: RenderedFile) -> StackPlan {
        StackPlan(name: name, dependsOn: dependsOn, template: CloudFormationTemplate(description: ""), facts: facts, rendered: file)
    }
}

/// A policy document written to `policies/<file>`.
public struct PolicyFile: Sendable {
    public let file: String
    /// The document as its stack deploys it (with `!Sub` and `!ImportValue`); the file shows
    /// it with the environment's values filled in (`PolicyResolver`). Null once the file is
    /// rendered while the plan is made (`rendered`).
    public let document: YAMLValue
    /// The file, when it was rendered while the plan was made (`FileRenderer`).
    var rendered: RenderedFile? = nil

    /// This policy file as rendered into `file`, its document let go.
    func released(as file: RenderedFile) -> PolicyFile {
        PolicyFile(file: self.file, document: .null, rendered: file)
    }
}

/// Everything one environment renders to, before any text exists.
public struct EnvironmentPlan: Sendable {
    public let environment: Environment
    /// In deploy order: every stack comes after the stacks it depends on.
    public let stacks: [StackPlan]
    public let policies: [PolicyFile]
    /// Whether project members hold their project's policy themselves, there being too many
    /// projects for a group each (`GroupPlan`).
    public let membersAttachedDirectly: Bool
}

/// Decides which stack holds what, and the deploy order. Stacks are split by lifecycle and
/// blast radius: the network, the identities, the domain, one per team, one per project
/// (its data, images, model registry and access), one per project's people (profiles and
/// spaces) and one per project's endpoints, plus the shared ECR repositories and the
/// monitoring stack when those modules are on; adding a person touches the identity stack
/// and their projects' small stacks only.
///
/// Cross-stack references: values CloudFormation creates (security-group ids, the domain id,
/// execution role ARNs) are exports imported by the stacks that use them, so CloudFormation
/// itself refuses to delete a stack still in use. Everything else is referenced by its
/// deterministic name, in the deploy order below. No stack takes parameters.
public enum Planner {
    /// A part of the plan that depends on nothing else being planned: built on any core.
    private enum Unit {
        case users(shard: Int, [User])
        case team(Team)
        case project(Team, Project)
    }

    /// What one unit adds to the plan.
    private struct UnitPlan {
        var stacks: [StackPlan]
        var modelStacks: [StackPlan] = []
        var mlopsStack: StackPlan?
        var policies: [PolicyFile] = []

        /// The stacks and policy files rendered by `renderer` (those it renders as planned),
        /// their templates and documents let go.
        mutating func release(with renderer: FileRenderer) throws {
            stacks = try stacks.map(renderer.release)
            modelStacks = try modelStacks.map(renderer.release)
            mlopsStack = try mlopsStack.map(renderer.release)
            policies = try policies.map(renderer.release)
        }
    }

    public static func plan(_ config: Config, _ environment: Environment) -> EnvironmentPlan {
        // Nothing is rendered, so nothing can fail.
        try! plan(config, environment, renderingWith: nil)
    }

    /// The plan; with a `renderer`, each user shard's, team's and project's stacks and policy
    /// files are rendered as soon as that part is planned, on the core that planned it, and
    /// their templates and documents let go: the plan of a large org is never whole in memory
    /// (a 1,000-project plan is some 65 MB of templates; rendered part by part, the memory one
    /// part used is used again by the next, hot in the core's cache, instead of new pages being
    /// touched for all of them, and never handed back one by one). A sink's failure is thrown.
    static func plan(_ config: Config, _ environment: Environment, renderingWith renderer: FileRenderer?) throws -> EnvironmentPlan {
        let context = PlatformContext(config: config, environment: environment)
        let names = context.names
        let foundation = [
            StackPlan(name: names.networkStack, dependsOn: [], template: NetworkStack.build(context)),
            StackPlan(name: names.identityStack, dependsOn: [], template: IdentityStack.build(context)),
        ]
        let shards = Dictionary(grouping: config.users, by: { AWSNames.userShard($0.name) })
        let userStacks = shards.keys.sorted().map { names.usersStack($0) }
        var services = [StackPlan(name: names.domainStack, dependsOn: [names.networkStack], template: DomainStack.build(context))]
        if let ecr = config.modules.ecr {
            services.append(StackPlan(name: names.ecrStack, dependsOn: [], template: EcrStack.build(ecr, context)))
        }
        if let monitoring = config.modules.monitoring {
            services.append(StackPlan(name: names.monitoringStack, dependsOn: [], template: MonitoringStack.build(monitoring, context)))
        }
        if config.modules.mlops, case .git(let provider) = config.modules.mlopsSource {
            services.append(StackPlan(name: names.cicdStack, dependsOn: [], template: CICDStack.build(provider: provider, context)))
        }
        var policies = policyFiles(context, "mfa", names.mfaPolicy, IdentityPolicies.mfa())
            + policyFiles(context, "admins", names.adminsPolicy, IdentityPolicies.admins(context))
        // The user shards, the teams and the projects: built on every core, assembled in order.
        let units = shards.keys.sorted().map { Unit.users(shard: $0, shards[$0]!) }
            + config.teams.flatMap { team in [Unit.team(team)] + team.projects.map { Unit.project(team, $0) } }
        let planned = try Parallel.map(units) { unit throws -> UnitPlan in
            // The policies a part packs are asked for by that part only: its cache goes with it.
            let context = context.withOwnPolicyCache()
            var planned = plan(unit, context, userStacks: userStacks)
            if let renderer { try planned.release(with: renderer) }
            return planned
        }
        let rest = planned.dropFirst(shards.count)
        var stacks = foundation + planned.prefix(shards.count).flatMap(\.stacks) + services
        for unit in rest {
            stacks += unit.stacks
            policies += unit.policies
        }
        // Personal access groups, after the project stacks whose member policies they carry.
        let overflowing = Dictionary(grouping: context.groups.overflowing.sorted(), by: AWSNames.userShard)
        for shard in overflowing.keys.sorted() {
            let users = overflowing[shard]!
            let projectStacks = config.teams.flatMap { team in
                team.projects.filter { project in project.members.contains { users.contains($0) } }.map { names.projectStack(team.id, $0.id) }
            }
            stacks.append(StackPlan(name: names.accessStack(shard), dependsOn: [names.usersStack(shard)] + projectStacks,
                                    template: AccessStack.build(users, context)))
        }
        // Phase 3 pipelines, then Phase 2 endpoints last: they need their project's role and,
        // with monitoring, the alarm topic.
        stacks += rest.compactMap(\.mlopsStack)
        stacks += rest.flatMap(\.modelStacks)
        ProcessLifetime.keep(context)
        return EnvironmentPlan(environment: environment, stacks: stacks, policies: policies,
                               membersAttachedDirectly: context.groups.membersAttachedDirectly)
    }

    /// The stacks and policy files of one part of the plan.
    private static func plan(_ unit: Unit, _ context: PlatformContext, userStacks: [String]) -> UnitPlan {
        let config = context.config, names = context.names
        switch unit {
        case .users(let shard, let users):
            return UnitPlan(stacks: [StackPlan(name: names.usersStack(shard), dependsOn: [names.identityStack], template: UsersStack.build(users, context))])
        case .team(let team):
            let teamUsers = Set(TeamStack.teamMembers(team).map { names.usersStack(AWSNames.userShard($0)) })
            return UnitPlan(stacks: [StackPlan(name: names.teamStack(team.id), dependsOn: userStacks.filter(teamUsers.contains) + [names.domainStack],
                                               template: TeamStack.build(team, context))],
                            policies: policyFiles(context, "team-\(team.id)", names.teamPolicy(team.id), TeamPolicy.document(team, context)))
        case .project(let team, let project):
            let projectStack = names.projectStack(team.id, project.id)
            let projectUsers = Set(project.members.map { names.usersStack(AWSNames.userShard($0)) })
            var planned = UnitPlan(stacks: [StackPlan(name: projectStack, dependsOn: [names.networkStack] + userStacks.filter(projectUsers.contains) + [names.domainStack],
                                                         template: ProjectStack.build(team, project, context))])
            for people in PeopleStack.stacks(team, project, names) {
                planned.stacks.append(StackPlan(name: people.name, dependsOn: [names.networkStack, names.domainStack, projectStack],
                                                template: PeopleStack.build(team, project, people, context)))
            }
            if config.modules.mlops {
                let cicd = config.modules.mlopsSource == .s3 ? [] : [names.cicdStack]
                planned.mlopsStack = StackPlan(name: names.mlopsStack(team.id, project.id), dependsOn: [names.networkStack, projectStack] + cicd,
                                               template: MLOpsStack.build(team, project, context))
            }
            let modelStacks = ModelsStack.stacks(team, project, names)
            if !modelStacks.isEmpty {
                let dependencies = [names.networkStack, projectStack] + (config.modules.monitoring == nil ? [] : [names.monitoringStack])
                    + (project.monitorsModels ? [names.mlopsStack(team.id, project.id)] : [])
                planned.modelStacks = modelStacks.map {
                    StackPlan(name: $0.name, dependsOn: dependencies, template: ModelsStack.build(team, project, $0, context))
                }
            }
            let base = "project-\(team.id)-\(project.id)"
            planned.policies = policyFiles(context, "\(base)-member", names.projectMemberPolicy(team.id, project.id), ProjectPolicies.member(team, project, context))
                + policyFiles(context, "\(base)-execution-role", names.executionRolePolicy(team.id, project.id), ofRole: true, ProjectPolicies.executionRole(team, project, context))
                + [policyFile("\(base)-bucket.json", SecureBucket.tlsOnly(names.bucket(team.id, project.id)))]
                + policyFiles(context, "\(base)-deployer", names.deployerPolicy(team.id, project.id), ProjectPolicies.deployer(team, project, context))
                + policyFiles(context, "\(base)-invoker", names.invokerPolicy(team.id, project.id), ProjectPolicies.invoker(team, project, context))
            if config.modules.mlops {
                planned.policies += policyFiles(context, "\(base)-build", names.buildPolicy(team.id, project.id), ofRole: true, DeliveryPolicies.build(team, project, context))
                    + policyFiles(context, "\(base)-delivery", names.deliveryPolicy(team.id, project.id), ofRole: true, DeliveryPolicies.delivery(team, project, context))
                    + [policyFile("\(base)-artifacts-bucket.json", SecureBucket.tlsOnly(names.artifactBucket(team.id, project.id)))]
                if project.monitorsModels {
                    planned.policies += policyFiles(context, "\(base)-retrain", names.retrainPolicy(team.id, project.id), ofRole: true, MonitorPolicies.retrain(team, project, context))
                }
                if config.modules.mlopsSource == .s3 {
                    planned.policies += policyFiles(context, "\(base)-source-events", names.sourceEventsPolicy(team.id, project.id), ofRole: true, DeliveryPolicies.sourceEvents(team, project, context))
                }
            }
            return planned
        }
    }

    /// A policy's file(s), as its stack deployed it (the parts, from the cache): `base.json`,
    /// then `base-2.json`... when it is split; a role's own policy (`ofRole`) is one file
    /// while it is inline.
    private static func policyFiles(_ context: PlatformContext, _ base: String, _ name: String, ofRole: Bool = false,
                                    _ document: @autoclosure () -> PolicyDocument) -> [PolicyFile] {
        let parts = ofRole ? RolePolicies.parts(document(), context, name: name) : ManagedPolicies.parts(document(), context, name: name)
        return parts.map { PolicyFile(file: "\(base)\($0.suffix).json", document: $0.value) }
    }

    /// A resource policy's file, such as a bucket policy (never split).
    private static func policyFile(_ file: String, _ document: PolicyDocument) -> PolicyFile {
        PolicyFile(file: file, document: document.value)
    }
}
