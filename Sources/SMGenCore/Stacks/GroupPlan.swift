/// How each person gets their project access within IAM's limit of 10 groups per user.
///
/// Normally a person is in their teams' groups and their projects' groups. A person whose
/// teams, projects and admin role would need more than 10 groups instead reaches their
/// projects through personal "access" groups, each carrying up to 10 of their projects'
/// member policies (in the access stack of their users shard), and is left out of those
/// project groups. Only that person's lines change when they cross the limit.
struct GroupPlan {
    static let maxGroupsPerUser = 10
    static let maxPoliciesPerGroup = 10
    /// A project's member policy is one managed policy, or two when it is over 6,144 characters.
    static let maxMemberPolicyParts = 2

    /// People who reach their projects through personal access groups.
    let overflowing: Set<String>

    init(_ config: Config) {
        overflowing = Set(Self.groupCounts(config).filter { $0.value > Self.maxGroupsPerUser }.map(\.key))
    }

    /// Groups each person would be in with team and project groups only.
    static func groupCounts(_ config: Config) -> [String: Int] {
        var counts: [String: Int] = [:]
        for team in config.teams {
            for member in TeamStack.teamMembers(team) { counts[member, default: 0] += 1 }
            for project in team.projects { for member in project.members { counts[member, default: 0] += 1 } }
        }
        for admin in Set(config.admins) { counts[admin, default: 0] += 1 }
        return counts
    }

    /// Groups a person needs with personal access groups, at most (teams, admins, and their
    /// projects' member policies packed 10 to a group, each policy counted at its largest).
    static func groupsWithAccessGroups(_ user: String, _ config: Config) -> Int {
        let teams = config.teams.filter { $0.projects.contains { $0.members.contains(user) } }.count
        let projects = config.teams.reduce(0) { $0 + $1.projects.filter { $0.members.contains(user) }.count }
        let admin = config.admins.contains(user) ? 1 : 0
        let policies = projects * maxMemberPolicyParts
        return teams + admin + (policies + maxPoliciesPerGroup - 1) / maxPoliciesPerGroup
    }
}
