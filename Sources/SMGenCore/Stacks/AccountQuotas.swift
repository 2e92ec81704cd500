/// Quotas of an AWS account that a large org reaches before any limit smgen must keep, and
/// that can be raised (Service Quotas): a warning each, with what the plan needs, so that the
/// raise is asked for before the first deploy rather than found by a failed one. Counted on
/// the plan alone: what else the account holds counts too.
enum AccountQuotas {
    /// Each quota: what it counts (a resource type, or nil for the stacks) and its default.
    static let defaults: [(what: String, type: String?, quota: Int)] = [
        ("CloudFormation stacks", nil, 2_000),
        ("IAM groups", "AWS::IAM::Group", 300),
        ("IAM roles", "AWS::IAM::Role", 1_000),
        ("IAM customer managed policies", "AWS::IAM::ManagedPolicy", 1_500),
    ]

    static func check(_ plan: EnvironmentPlan, file: String) -> [Diagnostic] {
        var counts: [String: Int] = [:]
        for stack in plan.stacks {
            for resource in stack.template.resources { counts[resource.type, default: 0] += 1 }
        }
        let environment = plan.environment
        return defaults.compactMap { quota in
            let needed = quota.type.map { counts[$0] ?? 0 } ?? plan.stacks.count
            guard needed > quota.quota else { return nil }
            let scope = quota.type == nil ? "account \(environment.account) in \(environment.region)" : "account \(environment.account)"
            return Diagnostic(.warning, file: file, mark: environment.mark, message: "environments.\(environment.name): the platform needs \(needed) \(quota.what), over the \(quota.quota) an account has by default; ask for more in Service Quotas (\(scope)) before the first deploy")
        }
    }
}
