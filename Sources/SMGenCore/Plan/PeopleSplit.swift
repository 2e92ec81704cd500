/// How a project's people are spread over people stacks (`PeopleStack` builds each).
///
/// A project's people share one stack while they fit one template (`capacity`, two
/// resources each). A project with more members has one stack per user shard instead
/// (`AWSNames.userShard`, the shards of the users stacks), and a shard with more members
/// than a stack holds (a project of thousands) one stack per part of it
/// (`AWSNames.userSubShard`), so that from then on adding a member never moves another
/// between stacks; crossing a capacity moves the members it concerns (the whole project's,
/// or the shard's) once: the diff shows their profiles and spaces replaced.
enum PeopleSplit {
    /// The most members one stack holds: a profile and a space each, within CloudFormation's resource limit.
    static let capacity = AWSLimits.resourcesPerTemplate / 2

    /// One people stack: its name, its members, and which of the project's people they are
    /// (empty for all of them).
    typealias Stack = (name: String, members: [String], scope: String)

    /// The people stacks of `project`, in deploy order.
    static func stacks(_ team: Team, _ project: Project, _ names: AWSNames) -> [Stack] {
        if project.members.isEmpty { return [] }
        guard project.members.count > capacity else {
            return [(names.peopleStack(team.id, project.id), project.members, "")]
        }
        let shards = Dictionary(grouping: project.members, by: AWSNames.userShard)
        return shards.keys.sorted().flatMap { shard -> [Stack] in
            let members = shards[shard]!
            guard members.count > capacity else {
                return [
                    (
                        names.peopleStack(team.id, project.id, shard: shard), members,
                        "one user shard of \(AWSNames.userShardCount)"
                    )
                ]
            }
            let parts = Dictionary(grouping: members, by: AWSNames.userSubShard)
            return parts.keys.sorted().map {
                (
                    names.peopleStack(team.id, project.id, shard: shard, part: $0), parts[$0]!,
                    "one part of a user shard of \(AWSNames.userShardCount)"
                )
            }
        }
    }
}
