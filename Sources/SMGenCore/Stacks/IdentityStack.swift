import SMGenYAML

/// The identity stack: one IAM user per person (no password, no keys: those are set by the
/// person or an admin outside any file), the MFA policy on every user, the admins group.
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
                            attachment: ("Groups", "AdminsGroup"), context: context)
        for user in context.config.users {
            template.add(.init(AWSNames.logicalId("user", user.name), "AWS::IAM::User", properties: [
                YAMLEntry("UserName", .string(user.name)),
                YAMLEntry("ManagedPolicyArns", [Fn.ref("MfaPolicy")]),
                YAMLEntry("Tags", context.tags([("Owner", user.name)])),
            ]))
        }
        if !context.config.admins.isEmpty {
            template.add(.init("AdminMembers", "AWS::IAM::UserToGroupAddition",
                               dependsOn: context.config.admins.sorted().map { AWSNames.logicalId("user", $0) }, properties: [
                YAMLEntry("GroupName", Fn.ref("AdminsGroup")),
                YAMLEntry("Users", .strings(context.config.admins.sorted())),
            ]))
        }
        return template
    }
}
