import SMGenYAML

/// Where in the config a computed name comes from: the entry an error about it points at,
/// and the keys to change to fix it (put into words only for an error).
struct NameOrigin: Sendable {
    /// The keys whose values make the name.
    enum Keys: Sendable {
        case company
        case companyOrSharedRepos
        case domainName
        case user(String)
        /// A member of a project: their user name or the project's `short`.
        case member(String, team: String, project: String)
        case team(String)
        case project(team: String, project: String)
        /// A project's id, the company or the bucket suffix.
        case projectBucket(team: String, project: String)
        case projectShort(team: String, project: String)
        case projectRepos(team: String, project: String)
        case model(team: String, project: String, model: String)
    }

    let mark: Mark
    let keys: Keys

    /// The keys to change, in words.
    var change: String {
        switch keys {
        case .company: return "org.company"
        case .companyOrSharedRepos: return "org.company or modules.ecr.shared_repos"
        case .domainName: return "domain.name"
        case .user(let user): return "users.\(user)"
        case .member(let user, let team, let project):
            return "the user name '\(user)' or teams.\(team).projects.\(project).short"
        case .team(let team): return "teams.\(team)"
        case .project(let team, let project): return "teams.\(team).projects.\(project)"
        case .projectBucket(let team, let project):
            return "teams.\(team).projects.\(project) (the project id), org.company or naming.bucket_suffix"
        case .projectShort(let team, let project): return "teams.\(team).projects.\(project).short"
        case .projectRepos(let team, let project):
            return "teams.\(team).projects.\(project) or modules.ecr.project_repos"
        case .model(let team, let project, let model): return "teams.\(team).projects.\(project).models.\(model)"
        }
    }
}
