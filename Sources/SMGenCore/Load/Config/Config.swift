import SMGenYAML

/// A validated smgen.yaml (version 1), with defaults applied. Collections keep the order of
/// the file; marks point at the keys that define each entity, for later diagnostics.
public struct Config: Sendable {
    public var file: String
    public var version: Int
    public var org: Org
    public var environments: [Environment]
    public var domain: Domain
    public var naming: Naming
    public var modules: Modules
    public var admins: [String]
    public var users: [User]
    public var teams: [Team]
    /// Changes to generated resources, applied last (`overrides:`).
    public var overrides: [Override] = []
    /// Where each admin is named, in the order of `admins`.
    var adminMarks: [Mark] = []
    /// Where the `users` mapping starts.
    var usersMark = Mark(line: 1, column: 1)

    /// Every project with its team, in file order.
    var projectsWithTeams: [(team: Team, project: Project)] {
        teams.flatMap { team in team.projects.map { (team, $0) } }
    }

    /// Every model under Model Monitor, with its project and team, in file order.
    var monitoredModels: [(team: Team, project: Project, model: Model)] {
        projectsWithTeams.flatMap { team, project in project.models.filter(\.monitor).map { (team, project, $0) } }
    }
}
