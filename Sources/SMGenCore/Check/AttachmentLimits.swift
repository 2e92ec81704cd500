/// IAM attaches at most 10 managed policies to a group, a role or (by default) a user.
/// smgen's designs stay within that (split policies stay few; a person in many projects gets
/// personal access groups, `GroupPlan`); this check, on what the build made, makes sure no stack it
/// writes is refused on deploy for it.
enum AttachmentLimits {

    /// An error for each group, role or user of the plan that would carry more managed policies
    /// than IAM attaches: those attached by its own `ManagedPolicyArns`, and the managed
    /// policies naming it (by `!Ref` in the same stack, or by name) in their `Groups`, `Roles`
    /// or `Users`.
    /// `tallies`: every stack of `environment`'s plan, in deploy order.
    static func check(_ tallies: [StackTally], _ environment: Environment, file: String) -> [Diagnostic] {
        var attached: [PolicyHolder: (stack: String, count: Int)] = [:]
        for tally in tallies {
            for (holder, count) in tally.attachments {
                attached[holder, default: (tally.stack, 0)].count += count
            }
        }
        return attached.filter { $0.value.count > AWSLimits.managedPoliciesPerPrincipal }.sorted {
            ($0.key.kind, $0.key.name) < ($1.key.kind, $1.key.name)
        }.map { holder, found in
            Diagnostic(
                .error, file: file, mark: environment.mark,
                message:
                    "environments.\(environment.name): IAM \(holder.kind) \(holder.name) (stack \(found.stack)) would carry \(found.count) managed policies; IAM attaches at most \(AWSLimits.managedPoliciesPerPrincipal) to a \(holder.kind) (the policies it needs do not fit fewer: spread the people or projects it serves over more teams or projects, or a person over fewer projects)"
            )
        }
    }
}
