import SMGenYAML

/// The rules that relate parts of the config to each other: members and admins are users,
/// IAM's case-insensitive user names, the per-account user limit, one account per environment.
enum ConfigRules {

    static func check(_ config: Config, sink: inout DiagnosticSink) {
        let userNames = Set(config.users.map(\.name))
        let knownUsers = config.users.map(\.name)

        var byLowercase: [String: User] = [:]
        for user in config.users {
            if let first = byLowercase[user.name.lowercased()] {
                sink.error(
                    user.mark,
                    "users.\(user.name): differs from '\(first.name)' (line \(first.mark.line)) only in case; IAM user names are case-insensitive"
                )
            } else {
                byLowercase[user.name.lowercased()] = user
            }
        }
        let rawNames = Dictionary(config.users.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for user in config.users {
            let shown = AWSNames.sageMakerUser(user.name)
            if shown != user.name, let other = rawNames[shown] {
                sink.error(
                    user.mark,
                    "users.\(user.name): appears in SageMaker names as '\(shown)', which is the user name of '\(other.name)' (line \(other.mark.line)); Studio access is granted by user name, so rename one of them"
                )
            }
        }
        if config.users.count > AWSLimits.usersPerAccount {
            sink.error(
                config.usersMark,
                "users: \(config.users.count) users, but IAM holds at most \(AWSLimits.usersPerAccount) users per account; split the org across environments (accounts)"
            )
        }

        var seenAdmins = Set<String>()
        for (admin, mark) in zip(config.admins, config.adminMarks) {
            if !userNames.contains(admin) {
                sink.error(
                    mark, "admins: '\(ConfigReader.printable(admin))' is not a key of users\(hint(admin, knownUsers))")
            } else if !seenAdmins.insert(admin).inserted {
                sink.error(mark, "admins: '\(admin)' is listed twice")
            }
        }

        var inProject = Set<String>()
        for team in config.teams {
            for project in team.projects {
                for (member, mark) in zip(project.members, project.memberMarks) {
                    if userNames.contains(member) {
                        inProject.insert(member)
                    } else {
                        sink.error(
                            mark,
                            "teams.\(team.id).projects.\(project.id).members: '\(ConfigReader.printable(member))' is not a key of users\(hint(member, knownUsers))"
                        )
                    }
                }
            }
        }
        // Each team and project a user is in is an IAM group (and so is the admins group); a
        // person with more gets personal access groups, which must fit in IAM's 10 too.
        for (user, count) in GroupPlan.groupCounts(config) where count > AWSLimits.groupsPerUser {
            let needed = GroupPlan.groupsWithAccessGroups(user, config)
            if needed > AWSLimits.groupsPerUser, let mark = config.users.first(where: { $0.name == user })?.mark {
                sink.error(
                    mark,
                    "users.\(user): would need \(needed) IAM groups (teams, admins, and personal groups of 10 project policies), but IAM allows \(AWSLimits.groupsPerUser) per user; take the user out of some projects"
                )
            }
        }
        for user in config.users
        where !inProject.contains(user.name) && !seenAdmins.contains(user.name) && Patterns.isIAMUserName(user.name) {
            sink.warning(
                user.mark,
                "users.\(user.name): is in no project and not an admin; the user gets an IAM user and nothing else")
        }

        for team in config.teams {
            checkPrefixes(team, ids: team.projects.map { ($0.id, $0.mark, "project id") }, sink: &sink)
            checkPrefixes(team, ids: team.projects.map { ($0.short, $0.shortMark ?? $0.mark, "short id") }, sink: &sink)
        }

        checkMLOps(config, sink: &sink)

        var accounts: [String: Environment] = [:]
        for environment in config.environments where !environment.account.isEmpty {
            if let first = accounts[environment.account] {
                sink.error(
                    environment.accountMark,
                    "environments.\(environment.name).account: \(environment.account) is already the account of environment '\(first.name)'; each environment is its own account"
                )
            } else {
                accounts[environment.account] = environment
            }
        }
    }

    /// The pipelines register models into the projects' model package groups, and run on
    /// the projects' images or, where a project has none, AWS's scikit-learn image, which
    /// must exist in the environment's region.
    private static func checkMLOps(_ config: Config, sink: inout DiagnosticSink) {
        let monitored = config.monitoredModels
        for (team, project, model) in monitored {
            let key = "teams.\(team.id).projects.\(project.id).models.\(model.name).monitor"
            if !config.modules.mlops {
                sink.error(
                    model.monitorMark ?? model.mark,
                    "\(key): a drift retrains the model through the project's pipeline; enable modules.mlops")
            }
        }
        if !monitored.isEmpty {
            for environment in config.environments
            where AWSImages.modelMonitor.uri(region: environment.region) == nil
                && Regions.all[environment.region] != nil
            {
                sink.error(
                    environment.mark,
                    "environments.\(environment.name): Model Monitor's analyzer image is not published in \(environment.region); remove 'monitor: true' from the models or use another region"
                )
            }
        }
        guard config.modules.mlops, let mark = config.modules.mlopsMark else { return }
        if !config.modules.modelRegistry {
            sink.error(
                mark,
                "modules.mlops: the pipelines register models into each project's model package group; enable modules.model_registry too"
            )
        }
        for team in config.teams {
            for project in team.projects {
                let key = "teams.\(team.id).projects.\(project.id).pipeline.repository"
                switch (config.modules.mlopsSource, project.pipeline.repository) {
                case (.git, nil):
                    sink.error(
                        project.mark,
                        "\(key): modules.mlops.source is git, so each project names its repository (owner/name)")
                case (.s3, _?):
                    sink.warning(
                        project.pipeline.repositoryMark ?? project.mark,
                        "\(key): is used with 'modules.mlops.source: git' only; this project's code comes from its artifact bucket"
                    )
                default: break
                }
            }
        }
        guard !PipelineImages.usesOnlyProjectImages(config.modules.ecr) else { return }
        for environment in config.environments
        where AWSImages.scikitLearn.uri(region: environment.region) == nil && Regions.all[environment.region] != nil {
            sink.error(
                environment.mark,
                "environments.\(environment.name): the pipelines need AWS's scikit-learn image, which is not published in \(environment.region); enable modules.ecr with project_repos preprocessing, training and inference to use your own images"
            )
        }
    }

    /// Policies reach a project's SageMaker resources by the prefix `{team}-{project}-` (and
    /// Studio's by `{team}-{short}-`): an id that extends another id of the team with `-` would
    /// fall under the other project's prefix, so it is refused.
    private static func checkPrefixes(
        _ team: Team, ids: [(id: String, mark: Mark, what: String)], sink: inout DiagnosticSink
    ) {
        for candidate in ids {
            if let shorter = ids.first(where: { candidate.id.hasPrefix($0.id + "-") }) {
                sink.error(
                    candidate.mark,
                    "teams.\(team.id): \(candidate.what) '\(candidate.id)' starts with '\(shorter.id)-', so the policies of '\(shorter.id)' (on names '\(team.id)-\(shorter.id)-*') would reach it; choose ids where none extends another"
                )
            }
        }
    }

    private static func hint(_ name: String, _ candidates: [String]) -> String {
        Suggestion.closest(to: name, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}
