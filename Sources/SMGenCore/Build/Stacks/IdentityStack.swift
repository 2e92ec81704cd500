import SMGenYAML

/// The identity stack: the MFA policy every user carries, the admins group and its policy.
/// The users themselves are in the users stacks (`UsersStack`).
enum IdentityStack {
    static func build(_ context: PlatformContext) -> CloudFormationTemplate {
        let names = context.names
        var template = CloudFormationTemplate(
            description: "smgen: IAM users, MFA enforcement and platform admins of \(context.config.org.company)")
        template.add(
            .init(
                "MfaPolicy", "AWS::IAM::ManagedPolicy",
                properties: [
                    YAMLEntry("ManagedPolicyName", .string(names.mfaPolicy)),
                    YAMLEntry(
                        "Description", "Without MFA a user can only set up their MFA device and change their password"),
                    YAMLEntry("PolicyDocument", IdentityPolicies.mfa().value),
                ]))
        template.add(
            .init(
                "AdminsGroup", "AWS::IAM::Group",
                properties: [
                    YAMLEntry("GroupName", .string(names.adminsGroup))
                ]))
        ManagedPolicies.add(
            IdentityPolicies.admins(context), to: &template, logicalId: "AdminsPolicy", name: names.adminsPolicy,
            description: "Platform admins: the SageMaker domain and every project",
            attachment: .group("AdminsGroup"), context: context)
        return template
    }
}
