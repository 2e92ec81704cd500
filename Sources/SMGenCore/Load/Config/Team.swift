import SMGenYAML

/// A team and its projects.
public struct Team: Sendable {
    public var id: String
    public var mark: Mark
    public var name: String
    public var projects: [Project]

    /// Everyone in one of the team's projects, sorted.
    var members: [String] { Set(projects.flatMap(\.members)).sorted() }
}
