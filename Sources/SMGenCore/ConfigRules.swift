import SMGenYAML

/// The rules that relate parts of the config to each other: members and admins are users,
/// IAM's case-insensitive user names, the per-account user limit, one account per environment.
enum ConfigRules {
    /// IAM's limit of users per account.
    static let maxUsers = 5000

    static func check(_ config: Config, sink: inout DiagnosticSink) {
        let userNames = Set(config.users.map(\.name))
        let knownUsers = config.users.map(\.name)

        var byLowercase: [String: User] = [:]
        for user in config.users {
            if let first = byLowercase[user.name.lowercased()] {
                sink.error(user.mark, "users.\(user.name): differs from '\(first.name)' (line \(first.mark.line)) only in case; IAM user names are case-insensitive")
            } else {
                byLowercase[user.name.lowercased()] = user
            }
        }
        if config.users.count > maxUsers {
            sink.error(config.usersMark, "users: \(config.users.count) users, but IAM holds at most \(maxUsers) users per account; split the org across environments (accounts)")
        }

        var seenAdmins = Set<String>()
        for (admin, mark) in zip(config.admins, config.adminMarks) {
            if !userNames.contains(admin) {
                sink.error(mark, "admins: '\(ConfigReader.printable(admin))' is not a key of users\(hint(admin, knownUsers))")
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
                        sink.error(mark, "teams.\(team.id).projects.\(project.id).members: '\(ConfigReader.printable(member))' is not a key of users\(hint(member, knownUsers))")
                    }
                }
            }
        }
        for user in config.users where !inProject.contains(user.name) && !seenAdmins.contains(user.name) && Patterns.isIAMUserName(user.name) {
            sink.warning(user.mark, "users.\(user.name): is in no project and not an admin; the user gets an IAM user and nothing else")
        }

        var accounts: [String: Environment] = [:]
        for environment in config.environments where !environment.account.isEmpty {
            if let first = accounts[environment.account] {
                sink.error(environment.accountMark, "environments.\(environment.name).account: \(environment.account) is already the account of environment '\(first.name)'; each environment is its own account")
            } else {
                accounts[environment.account] = environment
            }
        }
    }

    private static func hint(_ name: String, _ candidates: [String]) -> String {
        Suggestion.closest(to: name, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}
