import SMGenYAML

/// The personal access groups of the people of one users shard who are over IAM's group
/// limit (`GroupPlan`): each group carries up to 10 of the person's projects' member
/// policies (referenced by name), and the person is added to it.
enum AccessStack {
    static func build(_ users: [String], _ context: PlatformContext) -> CloudFormationTemplate {
        let names = context.names
        var template = CloudFormationTemplate(
            description: "smgen: personal access groups of people in more projects than IAM's group limit allows")
        for user in users {
            var policies: [String] = []
            for team in context.config.teams {
                for project in team.projects where project.members.contains(user) {
                    let name = names.projectMemberPolicy(team.id, project.id)
                    let parts = ManagedPolicies.parts(
                        ProjectPolicies.member(team, project, context), context, name: name)
                    policies += parts.map { name + $0.suffix }
                }
            }
            for (index, start) in stride(from: 0, to: policies.count, by: AWSLimits.managedPoliciesPerPrincipal)
                .enumerated()
            {
                let chunk = policies[start..<min(start + AWSLimits.managedPoliciesPerPrincipal, policies.count)]
                let group = AWSNames.logicalId("access", user, "\(index + 1)")
                template.add(
                    .init(
                        group, "AWS::IAM::Group",
                        properties: [
                            YAMLEntry("GroupName", .string(names.accessGroup(user, index + 1))),
                            YAMLEntry("ManagedPolicyArns", .list(chunk.map { ARN.iam("policy/\($0)") })),
                        ]))
                template.add(
                    .init(
                        "\(group)Members", "AWS::IAM::UserToGroupAddition",
                        properties: [
                            YAMLEntry("GroupName", Fn.ref(group)),
                            YAMLEntry("Users", .strings([user])),
                        ]))
            }
        }
        return template
    }
}
