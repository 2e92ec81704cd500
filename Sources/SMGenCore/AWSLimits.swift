/// The AWS limits the platform's design is split and checked by, each with where AWS
/// documents it: a design that splits (the users, people and models stacks, split managed
/// policies, personal access groups) and a check that refuses a config both read their
/// numbers here. Limits on single config values (name and tag lengths) stay with their rules.
enum AWSLimits {
    // CloudFormation quotas (AWS CloudFormation User Guide, "Understand CloudFormation quotas":
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html).

    /// Resources in one template.
    static let resourcesPerTemplate = 500
    /// Outputs in one template.
    static let outputsPerTemplate = 200
    /// Bytes of a template passed inline (`--template-body`); larger ones go through S3.
    static let inlineTemplateBytes = 51_200
    /// Bytes of a template read from S3 (`--template-url`).
    static let templateBytes = 1_000_000
    /// Stacks in one account and region, by default (raisable in Service Quotas).
    static let stacksPerRegion = 2_000

    // IAM and AWS STS quotas (IAM User Guide, "IAM and AWS STS quotas":
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html).

    /// Characters of one customer managed policy (whitespace not counted).
    static let managedPolicyCharacters = 6_144
    /// Characters of all the inline policies of one role together (whitespace not counted).
    static let roleInlinePolicyCharacters = 10_240
    /// Groups one IAM user is a member of.
    static let groupsPerUser = 10
    /// Managed policies attached to one group, role or (by default) user.
    static let managedPoliciesPerPrincipal = 10
    /// IAM users in one account.
    static let usersPerAccount = 5_000
    /// IAM groups in one account: by default, and the most Service Quotas raises it to.
    static let groupsPerAccount = (byDefault: 300, most: 500)
    /// IAM roles in one account: by default, and the most.
    static let rolesPerAccount = (byDefault: 1_000, most: 5_000)
    /// Customer managed policies in one account: by default, and the most.
    static let managedPoliciesPerAccount = (byDefault: 1_500, most: 5_000)

    // Amazon EventBridge quotas (EventBridge User Guide, "Amazon EventBridge quotas":
    // https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html).

    /// Characters of one rule's event pattern, by default.
    static let eventPatternCharacters = 2_048
}
