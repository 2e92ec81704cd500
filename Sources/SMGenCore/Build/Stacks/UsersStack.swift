import SMGenYAML

/// One shard of the IAM users: one user per person of the shard (no password, no keys: those
/// are set by the person or an admin outside any file), each with the MFA policy, and the
/// shard's admins added to the admins group.
enum UsersStack {
    static func build(_ users: [User], _ context: PlatformContext) -> CloudFormationTemplate {
        let names = context.names
        var template = CloudFormationTemplate(
            description: "smgen: IAM users of \(context.config.org.company) (one shard of \(AWSNames.userShardCount))")
        for user in users {
            template.add(
                .init(
                    AWSNames.logicalId("user", user.name), "AWS::IAM::User",
                    properties: [
                        YAMLEntry("UserName", .string(user.name)),
                        YAMLEntry("ManagedPolicyArns", [ARN.iam("policy/\(names.mfaPolicy)")]),
                        YAMLEntry("Tags", context.tags([("Owner", user.name)])),
                    ]))
        }
        let admins = Set(context.config.admins)
        let shardAdmins = users.map(\.name).filter { admins.contains($0) }.sorted()
        if !shardAdmins.isEmpty {
            template.add(
                .init(
                    "AdminMembers", "AWS::IAM::UserToGroupAddition",
                    dependsOn: shardAdmins.map { AWSNames.logicalId("user", $0) },
                    properties: [
                        YAMLEntry("GroupName", .string(names.adminsGroup)),
                        YAMLEntry("Users", .strings(shardAdmins)),
                    ]))
        }
        return template
    }
}
