/// How each person gets their project access within IAM's limits: 10 groups a user, 10
/// managed policies a user, and 500 groups an account.
///
/// Normally a project's members are in the project's group, which carries its member policy.
/// A platform whose team, admin and project groups would be more than an account holds (500,
/// the most IAM raises the quota to: an org of some 450 projects) attaches each project's
/// member policy to its members directly instead (the spec's "a group or managed policy per
/// project"), and has no project groups; users already hold the MFA policy that way.
///
/// A person who would be over IAM's limit either way (more than 10 groups with project
/// groups; more than 10 managed policies with direct attachment) reaches their projects
/// through personal "access" groups instead, each carrying up to 10 of their projects' member
/// policies (in the access stack of their users shard), and gets no project access otherwise.
/// Only that person's lines change when they cross the limit.
struct GroupPlan {
    /// A project's member policy is one managed policy, or two when it is over 6,144 characters.
    static let maxMemberPolicyParts = 2
    /// Managed policies every user holds directly: the MFA policy.
    static let policiesEveryUserHolds = 1

    /// Whether project members hold their projects' member policies directly, without project groups.
    let membersAttachedDirectly: Bool
    /// People who reach their projects through personal access groups.
    let overflowing: Set<String>

    init(_ config: Config) {
        let projects = config.teams.reduce(into: [String: Int]()) { counts, team in
            for project in team.projects { for member in project.members { counts[member, default: 0] += 1 } }
        }
        let overGroupLimit = Set(Self.groupCounts(config).filter { $0.value > AWSLimits.groupsPerUser }.map(\.key))
        let accessGroups = overGroupLimit.reduce(0) { $0 + Self.accessGroups(projects: projects[$1] ?? 0) }
        let groupsWithProjectGroups =
            config.teams.count + 1 + config.teams.reduce(0) { $0 + $1.projects.count } + accessGroups
        membersAttachedDirectly = groupsWithProjectGroups > AWSLimits.groupsPerAccount.most
        overflowing =
            membersAttachedDirectly
            ? Set(
                projects.filter {
                    Self.policiesEveryUserHolds + $0.value * Self.maxMemberPolicyParts
                        > AWSLimits.managedPoliciesPerPrincipal
                }.map(\.key))
            : overGroupLimit
    }

    /// Groups each person would be in with team and project groups only.
    static func groupCounts(_ config: Config) -> [String: Int] {
        var counts: [String: Int] = [:]
        for team in config.teams {
            for member in team.members { counts[member, default: 0] += 1 }
            for project in team.projects { for member in project.members { counts[member, default: 0] += 1 } }
        }
        for admin in Set(config.admins) { counts[admin, default: 0] += 1 }
        return counts
    }

    /// Personal access groups for a person in `projects` projects, at most: their member
    /// policies packed 10 to a group, each policy counted at its largest.
    static func accessGroups(projects: Int) -> Int {
        (projects * maxMemberPolicyParts + AWSLimits.managedPoliciesPerPrincipal - 1)
            / AWSLimits.managedPoliciesPerPrincipal
    }

    /// Groups a person needs with personal access groups, at most (teams, admins, and their
    /// projects' member policies packed 10 to a group, each policy counted at its largest).
    static func groupsWithAccessGroups(_ user: String, _ config: Config) -> Int {
        let teams = config.teams.filter { $0.projects.contains { $0.members.contains(user) } }.count
        let projects = config.teams.reduce(0) { $0 + $1.projects.filter { $0.members.contains(user) }.count }
        let admin = config.admins.contains(user) ? 1 : 0
        return teams + admin + accessGroups(projects: projects)
    }
}
