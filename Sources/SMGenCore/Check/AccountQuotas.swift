/// Quotas of an AWS account that a large org reaches before any limit smgen must keep, and
/// that can be raised (Service Quotas): a warning each, with what the plan needs, so that the
/// raise is asked for before the first deploy rather than found by a failed one. Counted on
/// what the platform's templates create; what else the account holds counts too.
enum AccountQuotas {
    /// Each quota: what it counts (a resource type, or nil for the stacks), its default, and
    /// the most it can be raised to where AWS documents one (IAM's quotas page: groups 500,
    /// roles and customer managed policies 5,000).
    static let defaults: [(what: String, type: String?, quota: Int, most: Int?)] = [
        ("CloudFormation stacks", nil, AWSLimits.stacksPerRegion, nil),
        ("IAM groups", "AWS::IAM::Group", AWSLimits.groupsPerAccount.byDefault, AWSLimits.groupsPerAccount.most),
        ("IAM roles", "AWS::IAM::Role", AWSLimits.rolesPerAccount.byDefault, AWSLimits.rolesPerAccount.most),
        (
            "IAM customer managed policies", "AWS::IAM::ManagedPolicy", AWSLimits.managedPoliciesPerAccount.byDefault,
            AWSLimits.managedPoliciesPerAccount.most
        ),
    ]

    /// `tallies`: every stack of `environment`'s plan.
    static func check(_ tallies: [StackTally], _ environment: Environment, file: String) -> [Diagnostic] {
        defaults.compactMap { quota in
            let needed = quota.type.map { type in tallies.reduce(0) { $0 + ($1.types[type] ?? 0) } } ?? tallies.count
            guard needed > quota.quota else { return nil }
            let scope =
                quota.type == nil
                ? "account \(environment.account) in \(environment.region)" : "account \(environment.account)"
            let message: String
            if let most = quota.most, needed > most {
                message =
                    "the platform needs \(needed) \(quota.what), over the \(most) an account can be given at most (\(quota.quota) by default): no raise makes room for it; render some of the teams from a config of their own, into other accounts"
            } else {
                message =
                    "the platform needs \(needed) \(quota.what), over the \(quota.quota) an account has by default; ask for more in Service Quotas (\(scope)) before the first deploy"
            }
            return Diagnostic(
                .warning, file: file, mark: environment.mark, message: "environments.\(environment.name): \(message)")
        }
    }
}
