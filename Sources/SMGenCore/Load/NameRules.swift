import SMGenYAML

/// Checks every name `AWSNames` computes from a config: each against its AWS rule, and
/// within its namespace against the others (two ids that give the same name, or the same
/// logical ID, are an error, never a silent overwrite). Names built from ids that already
/// failed their own pattern are skipped: that error is reported once, at the id.
enum NameRules {
    /// S3's rules for a bucket name (general purpose buckets).
    static func isBucketName(_ name: String) -> Bool {
        name.withUTF8Bytes { isBucketName($0) }
    }

    static func isBucketName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let hasSuffix = { (suffix: String) in
            bytes.count >= suffix.utf8.count && bytes.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
        }
        guard (3...63).contains(bytes.count), let first = bytes.first, let last = bytes.last,
            Patterns.isLower(first) || Patterns.isDigit(first), Patterns.isLower(last) || Patterns.isDigit(last),
            bytes.allSatisfy({
                Patterns.isLower($0) || Patterns.isDigit($0) || $0 == Patterns.hyphen || $0 == UInt8(ascii: ".")
            }),
            !zip(bytes, bytes.dropFirst()).contains(where: {
                $0 == UInt8(ascii: ".") && ($1 == UInt8(ascii: ".") || $1 == Patterns.hyphen)
                    || $0 == Patterns.hyphen && $1 == UInt8(ascii: ".")
            }),
            !bytes.starts(with: "xn--".utf8), !bytes.starts(with: "sthree-".utf8), !hasSuffix("-s3alias"),
            !hasSuffix("--ol-s3")
        else { return false }
        // Not formatted as an IP address (which is digits and dots only).
        return !bytes.allSatisfy({ Patterns.isDigit($0) || $0 == UInt8(ascii: ".") })
            || Patterns.parseCIDR(String(decoding: bytes, as: UTF8.self) + "/32") == nil
    }

    /// Checks every computed name, reporting into `sink`, after `first` (other checks of the
    /// config, whose diagnostics come before these). The people's names (a user's logical ID;
    /// a member's profile, space and profile logical ID) and all the others are checked on
    /// two cores: their namespaces are disjoint, so each half sees its claims in the order one
    /// pass would, and reports the same errors. The platform's half is the larger: `first`
    /// runs on the people's core, before them.
    static func check(_ config: Config, sink: inout DiagnosticSink, after first: (inout DiagnosticSink) -> Void) {
        guard Patterns.isCompany(config.org.company) else {
            first(&sink)
            return
        }
        let names = AWSNames(config)
        let file = sink.file
        // Room for every name of every project and person, so the tables never grow and rehash.
        let members = config.teams.reduce(0) { $0 + $1.projects.reduce(0) { $0 + 3 * $1.members.count } }
        let others = config.teams.reduce(0) { $0 + $1.projects.reduce(0) { $0 + 32 + 5 * $1.models.count } }
        let (people, rest) = Parallel.pair(
            { () -> DiagnosticSink in
                var checker = Checker(sink: DiagnosticSink(file: file), capacity: members + config.users.count)
                first(&checker.sink)
                checkPeople(config, names: names, checker: &checker)
                return checker.sink
            },
            { () -> DiagnosticSink in
                var checker = Checker(sink: DiagnosticSink(file: file), capacity: others + 64)
                checkPlatform(config, names: names, checker: &checker)
                return checker.sink
            })
        sink.append(people)
        sink.append(rest)
    }

    /// The names of the platform, the teams, the projects and their models.
    private static func checkPlatform(_ config: Config, names: AWSNames, checker: inout Checker) {
        let company = config.org.companyMark
        let companyKey = "org.company"
        for stack in [
            names.networkStack, names.identityStack, names.usersStack(AWSNames.userShardCount - 1), names.domainStack,
            names.ecrStack, names.monitoringStack,
        ] {
            checker.check(.stack, stack, namespace: "stack", at: company, change: companyKey)
        }
        checker.check(.iamGroup, names.adminsGroup, namespace: "group", at: company, change: companyKey)
        checker.check(.iamPolicy, names.mfaPolicy, namespace: "policy", at: company, change: companyKey)
        checker.check(.iamPolicy, names.adminsPolicy, namespace: "policy", at: company, change: companyKey)
        checker.check(.iamRole, names.domainDefaultRole, namespace: "role", at: company, change: companyKey)
        for purpose in ["studio", "training", "processing", "inference", "vpc-endpoints"] {
            checker.check(
                .securityGroup, names.securityGroup(purpose), namespace: "sg", at: company, change: companyKey)
        }
        checker.check(
            .sageMaker, config.domain.name, namespace: "domain", at: config.domain.nameMark ?? company,
            change: config.domain.nameMark == nil ? companyKey : "domain.name")
        for repo in config.modules.ecr?.sharedRepos ?? [] {
            checker.check(
                .ecrRepository, names.sharedRepository(repo), namespace: "repo", at: company,
                change: "\(companyKey) or modules.ecr.shared_repos")
        }
        for team in config.teams where Patterns.isTeamId(team.id) {
            checkTeam(team, config: config, names: names, checker: &checker)
        }
    }

    /// The names made from user names: each user's logical ID, each member's profile, space
    /// and profile logical ID.
    private static func checkPeople(_ config: Config, names: AWSNames, checker: inout Checker) {
        var lowercaseUsers = Set<String>()
        // A user that differs from another only in case is reported by ConfigRules.
        for user in config.users
        where Patterns.isIAMUserName(user.name) && lowercaseUsers.insert(user.name.lowercased()).inserted {
            checker.check(
                .logicalId, AWSNames.logicalId("user", user.name), namespace: "logical-user", at: user.mark,
                change: "users.\(user.name)")
        }
        for team in config.teams where Patterns.isTeamId(team.id) {
            for project in team.projects where Patterns.isProjectId(project.id) && Patterns.isProjectId(project.short) {
                let (t, s) = (team.id, project.short)
                for (member, mark) in zip(project.members, project.memberMarks) where Patterns.isIAMUserName(member) {
                    func change() -> String { "the user name '\(member)' or teams.\(t).projects.\(project.id).short" }
                    checker.check(
                        .sageMaker, names.userProfile(t, s, member), namespace: "profile", at: mark, change: change())
                    checker.check(.sageMaker, names.space(t, s, member), namespace: "space", at: mark, change: change())
                    checker.check(
                        .logicalId, AWSNames.logicalId("profile", t, s, member), namespace: "logical-profile", at: mark,
                        change: change())
                }
            }
        }
    }

    private static func checkTeam(_ team: Team, config: Config, names: AWSNames, checker: inout Checker) {
        let teamKey = "teams.\(team.id)"
        checker.check(.stack, names.teamStack(team.id), namespace: "stack", at: team.mark, change: teamKey)
        checker.check(.iamGroup, names.teamGroup(team.id), namespace: "group", at: team.mark, change: teamKey)
        checker.check(.iamPolicy, names.teamPolicy(team.id), namespace: "policy", at: team.mark, change: teamKey)
        for project in team.projects where Patterns.isProjectId(project.id) && Patterns.isProjectId(project.short) {
            let projectKey = "\(teamKey).projects.\(project.id)"
            let shortKey = "\(projectKey).short"
            let shortMark = project.shortMark ?? project.mark
            let (t, p, s) = (team.id, project.id, project.short)
            checker.check(
                .s3Bucket, names.bucket(t, p), namespace: "bucket", at: project.mark,
                change: "\(projectKey) (the project id), org.company or naming.bucket_suffix")
            checker.check(.iamRole, names.executionRole(t, s), namespace: "role", at: shortMark, change: shortKey)
            checker.check(.iamGroup, names.projectGroup(t, p), namespace: "group", at: project.mark, change: projectKey)
            checker.check(
                .iamPolicy, names.projectMemberPolicy(t, p), namespace: "policy", at: project.mark, change: projectKey)
            checker.check(
                .iamPolicy, names.executionRolePolicy(t, p), namespace: "policy", at: project.mark, change: projectKey)
            checker.check(
                .iamPolicy, names.deployerPolicy(t, p), namespace: "policy", at: project.mark, change: projectKey)
            checker.check(
                .iamPolicy, names.invokerPolicy(t, p), namespace: "policy", at: project.mark, change: projectKey)
            for models in ModelsSplit.stacks(team, project, names) {
                checker.check(.stack, models.name, namespace: "stack", at: project.mark, change: projectKey)
            }
            checker.check(
                .sageMaker, names.modelPackageGroup(t, p), namespace: "package-group", at: project.mark,
                change: projectKey)
            checker.check(.stack, names.projectStack(t, p), namespace: "stack", at: project.mark, change: projectKey)
            for people in PeopleSplit.stacks(team, project, names) {
                checker.check(.stack, people.name, namespace: "stack", at: project.mark, change: projectKey)
            }
            if config.modules.mlops {
                checker.check(
                    .sageMaker, names.pipeline(t, p), namespace: "pipeline", at: project.mark, change: projectKey)
                checker.check(.stack, names.mlopsStack(t, p), namespace: "stack", at: project.mark, change: projectKey)
                checker.check(
                    .s3Bucket, names.artifactBucket(t, p), namespace: "bucket", at: project.mark,
                    change: "\(projectKey) (the project id), org.company or naming.bucket_suffix")
                checker.check(.iamRole, names.buildRole(t, s), namespace: "role", at: shortMark, change: shortKey)
                checker.check(.iamRole, names.deliveryRole(t, s), namespace: "role", at: shortMark, change: shortKey)
                if config.modules.mlopsSource == .s3 {
                    checker.check(
                        .iamRole, names.sourceEventsRole(t, s), namespace: "role", at: shortMark, change: shortKey)
                    checker.check(
                        .iamPolicy, names.sourceEventsPolicy(t, p), namespace: "policy", at: project.mark,
                        change: projectKey)
                }
                checker.check(
                    .iamPolicy, names.buildPolicy(t, p), namespace: "policy", at: project.mark, change: projectKey)
                checker.check(
                    .iamPolicy, names.deliveryPolicy(t, p), namespace: "policy", at: project.mark, change: projectKey)
                if project.monitorsModels {
                    checker.check(.iamRole, names.retrainRole(t, s), namespace: "role", at: shortMark, change: shortKey)
                    checker.check(
                        .iamPolicy, names.retrainPolicy(t, p), namespace: "policy", at: project.mark, change: projectKey
                    )
                }
                let longest = PipelineDefinition.jobSteps.map { names.pipelineJob(t, p, $0) }.max {
                    $0.utf8.count < $1.utf8.count
                }!
                checker.checkRoom(
                    longest, room: AWSNames.pipelineJobSuffixRoom, what: "pipeline job name prefix",
                    appendedBy: "SageMaker Pipelines", at: project.mark, change: projectKey)
            }
            for repo in config.modules.ecr?.projectRepos ?? [] {
                checker.check(
                    .ecrRepository, names.projectRepository(t, p, repo), namespace: "repo", at: project.mark,
                    change: "\(projectKey) or modules.ecr.project_repos")
            }
            for model in project.models where Patterns.isModelName(model.name) {
                let modelKey = "\(projectKey).models.\(model.name)"
                checker.check(
                    .sageMaker, names.model(t, p, model.name, version: model.version), namespace: "model",
                    at: model.mark, change: modelKey)
                let digestStandIn = String(repeating: "0", count: AWSNames.endpointConfigDigestLength)
                checker.check(
                    .sageMaker, names.endpointConfig(t, p, model.name, digest: digestStandIn),
                    namespace: "endpoint-config", at: model.mark, change: modelKey)
                checker.check(
                    .sageMaker, names.endpoint(t, p, model.name), namespace: "endpoint", at: model.mark,
                    change: modelKey)
                if model.monitor {
                    checker.check(
                        .sageMaker, names.dataQualityJob(t, p, model.name), namespace: "job-definition", at: model.mark,
                        change: modelKey)
                    checker.check(
                        .sageMaker, names.monitoringSchedule(t, p, model.name), namespace: "monitoring-schedule",
                        at: model.mark, change: modelKey)
                }
            }
        }
    }

    /// Checks names one at a time, remembering each namespace's names (IAM compares
    /// names case-insensitively, so every namespace here does too).
    private struct Checker {
        /// A name taken in a namespace.
        private struct Claim: Hashable {
            let namespace: String
            let name: String
        }

        var sink: DiagnosticSink
        private var seen: [Claim: Mark] = [:]

        init(sink: DiagnosticSink, capacity: Int) {
            self.sink = sink
            seen.reserveCapacity(capacity)
        }

        /// A SageMaker name prefix to which AWS appends `room` characters of its own.
        mutating func checkRoom(
            _ prefix: String, room: Int, what: String, appendedBy: String, at mark: Mark,
            change: @autoclosure () -> String
        ) {
            let length = prefix.utf8.count
            if length + room > 63 {
                sink.error(
                    mark,
                    "computed \(what) '\(prefix)' (\(length) characters) leaves fewer than \(room) of a SageMaker name's 63 characters for the suffix \(appendedBy) appends; change \(change())"
                )
            }
        }

        /// `change` (the key to edit) is built only for an error: most names pass.
        mutating func check(
            _ kind: NameKind, _ name: String, namespace: String, at mark: Mark, change: @autoclosure () -> String
        ) {
            // A managed policy too large for one document is split into `name-2`...: leave room for the suffix.
            guard kind.accepts(kind == .iamPolicy ? name + "-9" : name) else {
                sink.error(
                    mark,
                    "computed \(kind.rawValue) '\(name)' (\(name.count) characters) breaks the AWS rule: \(kind.rule); change \(change())"
                )
                return
            }
            let key =
                name.utf8.allSatisfy({ $0 < 0x80 && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) })
                ? name : name.lowercased()
            let claim = Claim(namespace: namespace, name: key)
            if let first = seen.updateValue(mark, forKey: claim) {
                seen[claim] = first
                sink.error(
                    mark,
                    "computed \(kind.rawValue) '\(name)' is also computed for the entry at line \(first.line), column \(first.column); change \(change())"
                )
            }
        }
    }
}
