import SMGenYAML

/// The identity stack: the MFA policy every user carries, the admins group and its policy.
/// The users themselves are in the users stacks (`UsersStack`).
enum IdentityStack {
    static func build(_ context: PlatformContext) -> CloudFormationTemplate {
        let names = context.names
        var template = CloudFormationTemplate(description: "smgen: IAM users, MFA enforcement and platform admins of \(context.config.org.company)")
        template.add(.init("MfaPolicy", "AWS::IAM::ManagedPolicy", properties: [
            YAMLEntry("ManagedPolicyName", .string(names.mfaPolicy)),
            YAMLEntry("Description", "Without MFA a user can only set up their MFA device and change their password"),
            YAMLEntry("PolicyDocument", IdentityPolicies.mfa().value),
        ]))
        template.add(.init("AdminsGroup", "AWS::IAM::Group", properties: [
            YAMLEntry("GroupName", .string(names.adminsGroup)),
        ]))
        ManagedPolicies.add(IdentityPolicies.admins(context), to: &template, logicalId: "AdminsPolicy", name: names.adminsPolicy,
                            description: "Platform admins: the SageMaker domain and every project",
                            attachment: .group("AdminsGroup"), context: context)
        return template
    }
}

/// One shard of the IAM users: one user per person of the shard (no password, no keys: those
/// are set by the person or an admin outside any file), each with the MFA policy, and the
/// shard's admins added to the admins group.
enum UsersStack {
    static func build(_ users: [User], _ context: PlatformContext) -> CloudFormationTemplate {
        let names = context.names
        var template = CloudFormationTemplate(description: "smgen: IAM users of \(context.config.org.company) (one shard of \(AWSNames.userShardCount))")
        for user in users {
            template.add(.init(AWSNames.logicalId("user", user.name), "AWS::IAM::User", properties: [
                YAMLEntry("UserName", .string(user.name)),
                YAMLEntry("ManagedPolicyArns", [ARN.iam("policy/\(names.mfaPolicy)")]),
                YAMLEntry("Tags", context.tags([("Owner", user.name)])),
            ]))
        }
        let admins = Set(context.config.admins)
        let shardAdmins = users.map(\.name).filter { admins.contains($0) }.sorted()
        if !shardAdmins.isEmpty {
            template.add(.init("AdminMembers", "AWS::IAM::UserToGroupAddition",
                               dependsOn: shardAdmins.map { AWSNames.logicalId("user", $0) }, properties: [
                YAMLEntry("GroupName", .string(names.adminsGroup)),
                YAMLEntry("Users", .strings(shardAdmins)),
            ]))
        }
        return template
    }
}
