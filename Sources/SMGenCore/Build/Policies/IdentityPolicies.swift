import SMGenYAML

/// The org-wide human policies: MFA enforcement (every user) and platform admins.
enum IdentityPolicies {
    /// Actions a user without MFA may still call: set up their MFA device, change their password.
    static let mfaSelfService = [
        "iam:ChangePassword", "iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:GetAccountPasswordPolicy",
        "iam:GetMFADevice", "iam:GetUser", "iam:ListMFADevices", "iam:ListVirtualMFADevices", "iam:ResyncMFADevice",
        "sts:GetSessionToken",
    ]

    /// The standard pattern: self-service for one's own credentials, and a deny of everything
    /// else while `aws:MultiFactorAuthPresent` is false.
    static func mfa() -> PolicyDocument {
        let ownUser = ARN.iam("user/\(ARN.userNameVariable)")
        return PolicyDocument([
            PolicyStatement(
                "AllowViewAccountInfo", actions: ["iam:GetAccountPasswordPolicy", "iam:ListVirtualMFADevices"],
                resources: ["*"]),
            PolicyStatement(
                "AllowManageOwnPassword", actions: ["iam:ChangePassword", "iam:GetUser"], resources: [ownUser]),
            PolicyStatement(
                "AllowManageOwnVirtualMFADevice", actions: ["iam:CreateVirtualMFADevice"], resources: [ARN.iam("mfa/*")]
            ),
            PolicyStatement(
                "AllowManageOwnUserMFA",
                actions: [
                    "iam:DeactivateMFADevice", "iam:EnableMFADevice", "iam:GetMFADevice", "iam:ListMFADevices",
                    "iam:ResyncMFADevice",
                ], resources: [ownUser]),
            PolicyStatement(
                "DenyAllExceptListedIfNoMFA", allow: false, actions: mfaSelfService, notAction: true, resources: ["*"],
                conditions: [YAMLEntry("BoolIfExists", .map(["aws:MultiFactorAuthPresent": "false"]))]),
        ])
    }

    /// Platform admins: the domain and every project, through the platform's stacks and the
    /// resources named by the platform's prefixes.
    static func admins(_ context: PlatformContext) -> PolicyDocument {
        let prefix = context.names.prefix
        let company = context.config.org.company
        return PolicyDocument([
            PolicyStatement("ManageSageMaker", actions: ["sagemaker:*"], resources: [ARN.sageMaker("*")]),
            PolicyStatement(
                "ListAndDescribeForConsole",
                actions: [
                    "cloudformation:ListStacks", "cloudformation:ValidateTemplate", "ec2:DescribeNetworkInterfaces",
                    "ec2:DescribeRouteTables", "ec2:DescribeSecurityGroupRules", "ec2:DescribeSecurityGroups",
                    "ec2:DescribeSubnets",
                    "ec2:DescribeVpcEndpoints", "ec2:DescribeVpcs", "ecr:GetAuthorizationToken", "iam:ListGroups",
                    "iam:ListPolicies",
                    "iam:ListRoles", "iam:ListUsers", "s3:ListAllMyBuckets",
                ], resources: ["*"]),
            PolicyStatement(
                "ManagePlatformStacks", actions: ["cloudformation:*"],
                resources: [Fn.sub(ARN.regional("cloudformation", "stack/\(prefix)-*/*"))]),
            PolicyStatement(
                "ManagePlatformBuckets", actions: ["s3:*"], resources: [ARN.s3("\(prefix)-*"), ARN.s3("\(prefix)-*/*")]),
            PolicyStatement(
                "ManagePlatformRoles",
                actions: [
                    "iam:AttachRolePolicy", "iam:CreateRole", "iam:DeleteRole", "iam:DeleteRolePolicy",
                    "iam:DetachRolePolicy",
                    "iam:GetRole", "iam:GetRolePolicy", "iam:ListAttachedRolePolicies", "iam:ListRolePolicies",
                    "iam:PutRolePolicy",
                    "iam:TagRole", "iam:UntagRole", "iam:UpdateAssumeRolePolicy", "iam:UpdateRole",
                ], resources: [ARN.iam("role/SageMaker-*")]),
            PolicyStatement(
                "PassPlatformRolesToSageMaker", actions: ["iam:PassRole"], resources: [ARN.iam("role/SageMaker-*")],
                conditions: [YAMLEntry("StringEquals", .map(["iam:PassedToService": "sagemaker.amazonaws.com"]))]),
            PolicyStatement(
                "ManagePlatformGroupsAndPolicies",
                actions: [
                    "iam:AddUserToGroup", "iam:AttachGroupPolicy", "iam:CreateGroup", "iam:CreatePolicy",
                    "iam:CreatePolicyVersion",
                    "iam:DeleteGroup", "iam:DeleteGroupPolicy", "iam:DeletePolicy", "iam:DeletePolicyVersion",
                    "iam:DetachGroupPolicy",
                    "iam:GetGroup", "iam:GetGroupPolicy", "iam:GetPolicy", "iam:GetPolicyVersion",
                    "iam:ListAttachedGroupPolicies",
                    "iam:ListEntitiesForPolicy", "iam:ListGroupPolicies", "iam:ListPolicyVersions",
                    "iam:PutGroupPolicy",
                    "iam:RemoveUserFromGroup", "iam:SetDefaultPolicyVersion",
                ], resources: [ARN.iam("group/\(prefix)-*"), ARN.iam("policy/\(prefix)-*")]),
            PolicyStatement(
                "ManageUsers",
                actions: [
                    "iam:AddUserToGroup", "iam:AttachUserPolicy", "iam:CreateLoginProfile", "iam:CreateUser",
                    "iam:DeleteLoginProfile",
                    "iam:DeleteUser", "iam:DetachUserPolicy", "iam:GetLoginProfile", "iam:GetUser",
                    "iam:ListAttachedUserPolicies",
                    "iam:ListGroupsForUser", "iam:ListMFADevices", "iam:RemoveUserFromGroup", "iam:TagUser",
                    "iam:UntagUser",
                    "iam:UpdateLoginProfile",
                ], resources: [ARN.iam("user/*")]),
            PolicyStatement(
                "ManagePlatformNetwork",
                actions: [
                    "ec2:AuthorizeSecurityGroupEgress", "ec2:AuthorizeSecurityGroupIngress", "ec2:CreateSecurityGroup",
                    "ec2:CreateTags",
                    "ec2:CreateVpcEndpoint", "ec2:DeleteSecurityGroup", "ec2:DeleteTags", "ec2:DeleteVpcEndpoints",
                    "ec2:ModifyVpcEndpoint", "ec2:RevokeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress",
                ], resources: [ARN.ec2("*")],
                conditions: [YAMLEntry("StringEqualsIfExists", .map(["ec2:Vpc": context.vpcArn]))]),
            PolicyStatement(
                "ManagePlatformRepositories", actions: ["ecr:*"],
                resources: [ARN.ecr("repository/\(prefix)-*"), ARN.ecr("repository/\(company)-sagemaker-shared/*")]),
            PolicyStatement(
                "ManageSageMakerLogs", actions: ["logs:*"], resources: [ARN.logs("log-group:/aws/sagemaker/*")]),
        ])
    }
}
