/// Every AWS name the platform uses, each once, with the rule it obeys and the config entry
/// it comes from. `NameRules` checks the list; the scripts read what to verify and clean up
/// from it. Names are computed by `AWSNames`; stacks whose number depends on the plan (users,
/// people, access) are listed by their longest form, and the plan lists them all.
///
/// Names made from ids that failed their own pattern are left out: that error is reported
/// once, at the id. The list is in two halves with disjoint namespaces, so each can be
/// built and checked on a core of its own.
struct NameCatalogue: Sendable {
    /// The names made from user names: each user, their logical ID, and each member's
    /// profile, space and profile logical ID.
    let people: [NamedResource]
    /// The names of the platform, the teams, the projects and their models.
    let platform: [NamedResource]

    init(_ config: Config) {
        let names = AWSNames(config)
        (people, platform) = Parallel.pair(
            { Self.people(config, names) }, { Self.platform(config, names) })
    }

    /// Every name, the platform's first, without copying the halves into one list.
    private var all: FlattenSequence<[[NamedResource]]> { [platform, people].joined() }

    /// The resources `verify.sh` checks, stacks aside, in its order.
    var verified: [NamedResource] {
        all.compactMap { resource in resource.verifyCheck.map { (resource, $0.order) } }
            .enumerated().sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }.map(\.element.0)
    }

    /// The names of `namespace` the platform creates, in the catalogue's order.
    func created(_ namespace: NameNamespace) -> [String] {
        all.filter { $0.created && $0.namespace == namespace }.map(\.name)
    }

    /// Room for every name of every person.
    static func peopleCapacity(_ config: Config) -> Int {
        config.users.count * 2 + config.teams.reduce(0) { $0 + $1.projects.reduce(0) { $0 + 3 * $1.members.count } }
    }

    /// Room for every other name.
    static func platformCapacity(_ config: Config) -> Int {
        64 + config.teams.reduce(0) { $0 + $1.projects.reduce(0) { $0 + 32 + 5 * $1.models.count } }
    }

    static func people(_ config: Config, _ names: AWSNames) -> [NamedResource] {
        var list: [NamedResource] = []
        list.reserveCapacity(peopleCapacity(config))
        guard Patterns.isCompany(config.org.company) else { return list }
        var lowercaseUsers = Set<String>()
        // A user that differs from another only in case is reported by ConfigRules.
        for user in config.users
        where Patterns.isIAMUserName(user.name) && lowercaseUsers.insert(user.name.lowercased()).inserted {
            let origin = NameOrigin(mark: user.mark, keys: .user(user.name))
            list.append(NamedResource(kind: .iamUser, namespace: .iamUser, name: user.name, origin: origin))
            list.append(
                NamedResource(
                    kind: .logicalId, namespace: .userLogicalId, name: AWSNames.logicalId("user", user.name),
                    origin: origin))
        }
        for team in config.teams where Patterns.isTeamId(team.id) {
            for project in team.projects where Patterns.isProjectId(project.id) && Patterns.isProjectId(project.short) {
                let (t, s) = (team.id, project.short)
                for (member, mark) in zip(project.members, project.memberMarks) where Patterns.isIAMUserName(member) {
                    let origin = NameOrigin(mark: mark, keys: .member(member, team: t, project: project.id))
                    list.append(
                        NamedResource(
                            kind: .sageMaker, namespace: .userProfile, name: names.userProfile(t, s, member),
                            origin: origin))
                    list.append(
                        NamedResource(
                            kind: .sageMaker, namespace: .space, name: names.space(t, s, member), origin: origin))
                    list.append(
                        NamedResource(
                            kind: .logicalId, namespace: .profileLogicalId,
                            name: AWSNames.logicalId("profile", t, s, member), origin: origin))
                }
            }
        }
        return list
    }

    static func platform(_ config: Config, _ names: AWSNames) -> [NamedResource] {
        var list: [NamedResource] = []
        list.reserveCapacity(platformCapacity(config))
        guard Patterns.isCompany(config.org.company) else { return list }
        let company = NameOrigin(mark: config.org.companyMark, keys: .company)
        func add(_ kind: NameKind, _ namespace: NameNamespace, _ name: String, _ origin: NameOrigin) {
            list.append(NamedResource(kind: kind, namespace: namespace, name: name, origin: origin))
        }
        var stacks = [
            names.networkStack, names.identityStack, names.usersStack(AWSNames.userShardCount - 1), names.domainStack,
            names.ecrStack, names.monitoringStack,
        ]
        if config.modules.mlops, case .git = config.modules.mlopsSource { stacks.append(names.cicdStack) }
        for stack in stacks { add(.stack, .stack, stack, company) }
        add(.iamGroup, .iamGroup, names.adminsGroup, company)
        add(.iamPolicy, .iamPolicy, names.mfaPolicy, company)
        add(.iamPolicy, .iamPolicy, names.adminsPolicy, company)
        add(.iamRole, .iamRole, names.domainDefaultRole, company)
        for purpose in ["studio", "training", "processing", "inference", "vpc-endpoints"] {
            add(.securityGroup, .securityGroup, names.securityGroup(purpose), company)
        }
        add(
            .sageMaker, .domain, config.domain.name,
            config.domain.nameMark.map { NameOrigin(mark: $0, keys: .domainName) } ?? company)
        for repo in config.modules.ecr?.sharedRepos ?? [] {
            add(
                .ecrRepository, .repository, names.sharedRepository(repo),
                NameOrigin(mark: config.org.companyMark, keys: .companyOrSharedRepos))
        }
        for team in config.teams where Patterns.isTeamId(team.id) {
            let origin = NameOrigin(mark: team.mark, keys: .team(team.id))
            add(.stack, .stack, names.teamStack(team.id), origin)
            add(.iamGroup, .iamGroup, names.teamGroup(team.id), origin)
            add(.iamPolicy, .iamPolicy, names.teamPolicy(team.id), origin)
            for project in team.projects where Patterns.isProjectId(project.id) && Patterns.isProjectId(project.short) {
                addProject(team, project, config: config, names: names, to: &list)
            }
        }
        return list
    }

    private static func addProject(
        _ team: Team, _ project: Project, config: Config, names: AWSNames, to list: inout [NamedResource]
    ) {
        let (t, p, s) = (team.id, project.id, project.short)
        let origin = NameOrigin(mark: project.mark, keys: .project(team: t, project: p))
        let bucket = NameOrigin(mark: project.mark, keys: .projectBucket(team: t, project: p))
        let short = NameOrigin(mark: project.shortMark ?? project.mark, keys: .projectShort(team: t, project: p))
        func add(_ kind: NameKind, _ namespace: NameNamespace, _ name: String, _ origin: NameOrigin) {
            list.append(NamedResource(kind: kind, namespace: namespace, name: name, origin: origin))
        }
        add(.s3Bucket, .bucket, names.bucket(t, p), bucket)
        add(.iamRole, .iamRole, names.executionRole(t, s), short)
        add(.iamGroup, .iamGroup, names.projectGroup(t, p), origin)
        add(.iamPolicy, .iamPolicy, names.projectMemberPolicy(t, p), origin)
        add(.iamPolicy, .rolePolicy, names.executionRolePolicy(t, p), origin)
        add(.iamPolicy, .iamPolicy, names.deployerPolicy(t, p), origin)
        add(.iamPolicy, .iamPolicy, names.invokerPolicy(t, p), origin)
        for models in ModelsSplit.stacks(team, project, names) { add(.stack, .stack, models.name, origin) }
        // Named by the pipeline's register step even without the registry module, which creates it.
        list.append(
            NamedResource(
                kind: .sageMaker, namespace: .packageGroup, name: names.modelPackageGroup(t, p), origin: origin,
                created: config.modules.modelRegistry))
        add(.stack, .stack, names.projectStack(t, p), origin)
        for people in PeopleSplit.stacks(team, project, names) { add(.stack, .stack, people.name, origin) }
        if config.modules.mlops {
            add(.sageMaker, .pipeline, names.pipeline(t, p), origin)
            add(.stack, .stack, names.mlopsStack(t, p), origin)
            add(.s3Bucket, .bucket, names.artifactBucket(t, p), bucket)
            add(.iamRole, .iamRole, names.buildRole(t, s), short)
            add(.iamRole, .iamRole, names.deliveryRole(t, s), short)
            if config.modules.mlopsSource == .s3 {
                add(.iamRole, .iamRole, names.sourceEventsRole(t, s), short)
                add(.iamPolicy, .rolePolicy, names.sourceEventsPolicy(t, p), origin)
            }
            add(.iamPolicy, .rolePolicy, names.buildPolicy(t, p), origin)
            add(.iamPolicy, .rolePolicy, names.deliveryPolicy(t, p), origin)
            if project.monitorsModels {
                add(.iamRole, .iamRole, names.retrainRole(t, s), short)
                add(.iamPolicy, .rolePolicy, names.retrainPolicy(t, p), origin)
            }
            // The longest of the jobs' name prefixes: SageMaker Pipelines appends to each.
            let longest = PipelineDefinition.jobSteps.map { names.pipelineJob(t, p, $0) }.max {
                $0.utf8.count < $1.utf8.count
            }!
            add(.sageMaker, .pipelineJob, longest, origin)
        }
        for repo in config.modules.ecr?.projectRepos ?? [] {
            add(
                .ecrRepository, .repository, names.projectRepository(t, p, repo),
                NameOrigin(mark: project.mark, keys: .projectRepos(team: t, project: p)))
        }
        for model in project.models where Patterns.isModelName(model.name) {
            let origin = NameOrigin(mark: model.mark, keys: .model(team: t, project: p, model: model.name))
            // The real names of models, endpoint configurations and job definitions end in a
            // digest of what they hold: a stand-in of its length.
            let digest = CreateOnlyDigest.standIn
            add(.sageMaker, .model, names.model(t, p, model.name, version: model.version, digest: digest), origin)
            add(.sageMaker, .endpointConfig, names.endpointConfig(t, p, model.name, digest: digest), origin)
            add(.sageMaker, .endpoint, names.endpoint(t, p, model.name), origin)
            if model.monitor {
                add(.sageMaker, .jobDefinition, names.dataQualityJob(t, p, model.name, digest: digest), origin)
                add(.sageMaker, .monitoringSchedule, names.monitoringSchedule(t, p, model.name), origin)
            }
        }
    }
}
