import SMGenYAML

/// IAM attaches at most 10 managed policies to a group, a role or (by default) a user.
/// smgen's designs stay within that (split policies stay few; a person in many projects gets
/// personal access groups, `GroupPlan`); this check, on the plan, makes sure no stack it
/// writes is refused on deploy for it.
enum AttachmentLimits {
    static let maxManagedPolicies = 10

    /// An error for each group, role or user of `plan` that would carry more managed policies
    /// than IAM attaches: those attached by its own `ManagedPolicyArns`, and the managed
    /// policies naming it (by `!Ref` in the same stack, or by name) in their `Groups`, `Roles`
    /// or `Users`.
    static func check(_ plan: EnvironmentPlan, file: String) -> [Diagnostic] {
        struct Holder: Hashable {
            let kind: String
            let name: String
        }
        var attached: [Holder: (stack: String, count: Int)] = [:]
        func attach(_ holder: Holder, in stack: String, _ count: Int) {
            attached[holder, default: (stack, 0)].count += count
        }
        for stack in plan.stacks {
            var byLogicalId: [String: Holder] = [:]
            for resource in stack.template.resources {
                let kind: (name: String, nameKey: String)
                switch resource.type {
                case "AWS::IAM::Group": kind = ("group", "GroupName")
                case "AWS::IAM::Role": kind = ("role", "RoleName")
                case "AWS::IAM::User": kind = ("user", "UserName")
                default: continue
                }
                if case .string(let name)? = resource.property(kind.nameKey) {
                    let holder = Holder(kind: kind.name, name: name)
                    byLogicalId[resource.logicalId] = holder
                    if case .list(let arns)? = resource.property("ManagedPolicyArns") { attach(holder, in: stack.name, arns.count) }
                }
            }
            for resource in stack.template.resources where resource.type == "AWS::IAM::ManagedPolicy" {
                for (key, kind) in [("Groups", "group"), ("Roles", "role"), ("Users", "user")] {
                    guard case .list(let targets)? = resource.property(key) else { continue }
                    for target in targets {
                        switch target {
                        case .tagged("!Ref", .string(let logicalId)): if let holder = byLogicalId[logicalId] { attach(holder, in: stack.name, 1) }
                        case .string(let name): attach(Holder(kind: kind, name: name), in: stack.name, 1)
                        default: break
                        }
                    }
                }
            }
        }
        let environment = plan.environment
        return attached.filter { $0.value.count > maxManagedPolicies }.sorted { ($0.key.kind, $0.key.name) < ($1.key.kind, $1.key.name) }.map { holder, found in
            Diagnostic(.error, file: file, mark: environment.mark, message: "environments.\(environment.name): IAM \(holder.kind) \(holder.name) (stack \(found.stack)) would carry \(found.count) managed policies; IAM attaches at most \(maxManagedPolicies) to a \(holder.kind) (the policies it needs do not fit fewer: spread the people or projects it serves over more teams or projects, or a person over fewer projects)")
        }
    }
}

extension CloudFormationTemplate.Resource {
    /// The value of the property `key`, if the resource sets it.
    func property(_ key: String) -> YAMLValue? {
        YAMLValue.map(properties)[key]
    }
}
