import SMGenYAML

/// `smgen list users|projects|teams`: the org as a table or as JSON.
public enum ListCommand {
    public enum Subject: String, CaseIterable, Sendable {
        case users, projects, teams
    }

    public enum Format: String, CaseIterable, Sendable {
        case text, json
    }

    public static func run(_ subject: Subject, configPath: String, format: Format) -> CommandResult {
        let result = ConfigLoader.load(path: configPath)
        guard let config = result.config else { return .invalid(result.diagnostics, omitted: result.omitted) }
        let rows: [[(column: String, value: YAMLValue)]]
        switch subject {
        case .users: rows = userRows(config)
        case .projects: rows = projectRows(config)
        case .teams: rows = teamRows(config)
        }
        let output: String
        switch format {
        case .json: output = JSONWriter.write(.list(rows.map { .map($0.map { YAMLEntry($0.column, $0.value) }) }))
        case .text:
            output = TextTable.render(
                rows.map { $0.map { ($0.column, text($0.value)) } }, emptyHeader: headers(subject))
        }
        return CommandResult(stdout: output, stderr: result.diagnostics.map { "\($0)\n" }.joined())
    }

    private static func headers(_ subject: Subject) -> [String] {
        switch subject {
        case .users: return ["user", "email", "admin", "projects"]
        case .projects: return ["team", "project", "short", "members", "bucket", "execution_role"]
        case .teams: return ["team", "name", "projects", "members"]
        }
    }

    private static func text(_ value: YAMLValue) -> String {
        switch value {
        case .string(let text): return text.isEmpty ? "-" : text
        case .int(let number): return String(number)
        case .bool(let flag): return flag ? "yes" : "no"
        case .list(let items): return items.isEmpty ? "-" : items.map(text).joined(separator: ",")
        default: return "-"
        }
    }

    private static func userRows(_ config: Config) -> [[(column: String, value: YAMLValue)]] {
        var projectsOf: [String: [String]] = [:]
        for team in config.teams {
            for project in team.projects {
                for member in project.members { projectsOf[member, default: []].append("\(team.id)/\(project.id)") }
            }
        }
        let admins = Set(config.admins)
        return config.users.map { user in
            [
                ("user", .string(user.name)), ("email", .string(user.email)),
                ("admin", .bool(admins.contains(user.name))),
                ("projects", .strings(projectsOf[user.name] ?? [])),
            ]
        }
    }

    private static func projectRows(_ config: Config) -> [[(column: String, value: YAMLValue)]] {
        let names = AWSNames(config)
        return config.teams.flatMap { team in
            team.projects.map { project in
                [
                    ("team", .string(team.id)), ("project", .string(project.id)), ("short", .string(project.short)),
                    ("members", .strings(project.members)), ("bucket", .string(names.bucket(team.id, project.id))),
                    ("execution_role", .string(names.executionRole(team.id, project.short))),
                ]
            }
        }
    }

    private static func teamRows(_ config: Config) -> [[(column: String, value: YAMLValue)]] {
        config.teams.map { team in
            var members: [String] = []
            var seen = Set<String>()
            for project in team.projects {
                for member in project.members where seen.insert(member).inserted { members.append(member) }
            }
            return [
                ("team", .string(team.id)), ("name", .string(team.name)),
                ("projects", .strings(team.projects.map(\.id))), ("members", .strings(members)),
            ]
        }
    }
}
