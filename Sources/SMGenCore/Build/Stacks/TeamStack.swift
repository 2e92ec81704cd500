import SMGenYAML

/// A team's stack: its group, the team policy, and the team's people in the group.
enum TeamStack {
    static func build(_ team: Team, _ context: PlatformContext) -> CloudFormationTemplate {
        let names = context.names
        var template = CloudFormationTemplate(description: "smgen: team \(team.id) (\(team.name))")
        template.add(
            .init(
                "TeamGroup", "AWS::IAM::Group", properties: [YAMLEntry("GroupName", .string(names.teamGroup(team.id)))])
        )
        ManagedPolicies.add(
            TeamPolicy.document(team, context), to: &template, logicalId: "TeamPolicy", name: names.teamPolicy(team.id),
            description: "Team \(team.id): open Studio through one's own profiles, see the team's resources",
            attachment: .group("TeamGroup"), context: context)
        let members = team.members
        if !members.isEmpty {
            template.add(
                .init(
                    "TeamMembers", "AWS::IAM::UserToGroupAddition",
                    properties: [
                        YAMLEntry("GroupName", Fn.ref("TeamGroup")),
                        YAMLEntry("Users", .strings(members)),
                    ]))
        }
        return template
    }
}
