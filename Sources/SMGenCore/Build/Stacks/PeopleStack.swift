import SMGenYAML

/// The people of a project: one user profile (running with the project's execution role)
/// and one private JupyterLab space owned by it, per member.
///
/// A profile's tags cannot change in place (CloudFormation replaces the profile, and its
/// home directory goes with it), so profiles carry only the tags that never change for
/// them, Team/Project/Owner, and not the org's tags, which may; spaces carry all of them.
///
/// A project's people share one stack while they fit one template (`capacity`, two
/// resources each). A project with more members has one stack per user shard instead
/// (`AWSNames.userShard`, the shards of the users stacks), and a shard with more members
/// than a stack holds (a project of thousands) one stack per part of it
/// (`AWSNames.userSubShard`), so that from then on adding a member never moves another
/// between stacks; crossing a capacity moves the members it concerns (the whole project's,
/// or the shard's) once: the diff shows their profiles and spaces replaced.
enum PeopleStack {
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

    /// The template of one of `stacks`.
    static func build(_ team: Team, _ project: Project, _ stack: Stack, _ context: PlatformContext)
        -> CloudFormationTemplate
    {
        let names = context.names
        let members = stack.members
        let part = stack.scope.isEmpty ? "" : " (\(stack.scope))"
        var template = CloudFormationTemplate(
            description: "smgen: Studio user profiles and private spaces of \(team.id)/\(project.id)\(part)")
        let domainId = Fn.importValue(context.domainIdExport)
        for member in members {
            let profileId = AWSNames.logicalId("profile", team.id, project.short, member)
            let profile = names.userProfile(team.id, project.short, member)
            let fixed = [("Team", team.id), ("Project", project.id), ("Owner", member)]
            let tags = context.tags(fixed)
            template.add(
                .init(
                    profileId, "AWS::SageMaker::UserProfile",
                    properties: [
                        YAMLEntry("DomainId", domainId),
                        YAMLEntry("UserProfileName", .string(profile)),
                        YAMLEntry(
                            "UserSettings",
                            .map([
                                "ExecutionRole": Fn.importValue(context.executionRoleArnExport(team, project)),
                                "SecurityGroups": [Fn.importValue(context.securityGroupExport("studio"))],
                            ])),
                        YAMLEntry("Tags", context.tags(fixed, withOrgTags: false)),
                    ]))
            template.add(
                .init(
                    AWSNames.logicalId("space", team.id, project.short, member), "AWS::SageMaker::Space",
                    dependsOn: [profileId],
                    properties: [
                        YAMLEntry("DomainId", domainId),
                        YAMLEntry("SpaceName", .string(names.space(team.id, project.short, member))),
                        YAMLEntry("OwnershipSettings", .map(["OwnerUserProfileName": .string(profile)])),
                        YAMLEntry("SpaceSharingSettings", .map(["SharingType": "Private"])),
                        YAMLEntry("SpaceSettings", .map(["AppType": "JupyterLab"])),
                        YAMLEntry("Tags", tags),
                    ]))
        }
        return template
    }
}
