import SMGenYAML

/// The people of a project: one user profile (running with the project's execution role)
/// and one private JupyterLab space owned by it, per member.
///
/// A profile's tags cannot change in place (CloudFormation replaces the profile, and its
/// home directory goes with it), so profiles carry only the tags that never change for
/// them, Team/Project/Owner, and not the org's tags, which may; spaces carry all of them.
enum PeopleStack {
    /// The template of one of `PeopleSplit.stacks`.
    static func build(_ team: Team, _ project: Project, _ stack: PeopleSplit.Stack, _ context: PlatformContext)
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
