import SMGenYAML

/// What the environment-wide checks (`TemplateLimits`, `AccountQuotas`,
/// `RegionalAvailability`, `AttachmentLimits`) count in one built stack's template, taken on
/// the core that built it; the checks fold the tallies of every stack, in deploy order.
struct StackTally: Sendable {
    let stack: String
    let resources: Int
    let outputs: Int
    /// How many resources of each type.
    let types: [String: Int]
    /// How many managed policies the template attaches to each IAM group, role or user: by
    /// the holder's own `ManagedPolicyArns`, and by the managed policies naming it (by `!Ref`
    /// to a holder of the same template, or by name) in their `Groups`, `Roles` or `Users`.
    let attachments: [PolicyHolder: Int]

    init(_ built: BuiltStack) {
        let template = built.template
        stack = built.plan.name
        resources = template.resources.count
        outputs = template.outputs.count
        var types: [String: Int] = [:]
        for resource in template.resources { types[resource.type, default: 0] += 1 }
        self.types = types
        attachments = Self.attachments(template)
    }

    private static func attachments(_ template: CloudFormationTemplate) -> [PolicyHolder: Int] {
        var attached: [PolicyHolder: Int] = [:]
        var byLogicalId: [String: PolicyHolder] = [:]
        for resource in template.resources {
            let kind: (name: String, nameKey: String)
            switch resource.type {
            case "AWS::IAM::Group": kind = ("group", "GroupName")
            case "AWS::IAM::Role": kind = ("role", "RoleName")
            case "AWS::IAM::User": kind = ("user", "UserName")
            default: continue
            }
            if case .string(let name)? = resource.property(kind.nameKey) {
                let holder = PolicyHolder(kind: kind.name, name: name)
                byLogicalId[resource.logicalId] = holder
                if case .list(let arns)? = resource.property("ManagedPolicyArns") {
                    attached[holder, default: 0] += arns.count
                }
            }
        }
        for resource in template.resources where resource.type == "AWS::IAM::ManagedPolicy" {
            for (key, kind) in [("Groups", "group"), ("Roles", "role"), ("Users", "user")] {
                guard case .list(let targets)? = resource.property(key) else { continue }
                for target in targets {
                    switch target {
                    case .tagged("!Ref", .string(let logicalId)):
                        if let holder = byLogicalId[logicalId] { attached[holder, default: 0] += 1 }
                    case .string(let name): attached[PolicyHolder(kind: kind, name: name), default: 0] += 1
                    default: break
                    }
                }
            }
        }
        return attached
    }
}
