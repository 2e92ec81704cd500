import SMGenYAML

/// Finds every grant in two versions of a tree of templates and reports the ones that
/// appear or disappear. Statements are compared without their `Sid` and per policy family
/// (a policy split into parts is one family), so moving a statement between parts of one
/// policy is no change; a managed policy attached to one role alone counts as that role's, so
/// moving a role's policy inline (or out into managed parts) is none either.
enum AccessDiff {
    /// A grant, compared by its holder, kind and identity (its fields less any that do not
    /// change access, such as a rule's description).
    private struct Grant: Hashable {
        let holder: String
        let kind: AccessChange.Kind
        let identity: String
        let fields: [String]

        static func == (left: Grant, right: Grant) -> Bool {
            left.holder == right.holder && left.kind == right.kind && left.identity == right.identity
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(holder)
            hasher.combine(kind)
            hasher.combine(identity)
        }
    }

    /// The changes from the `old` templates to the `new` ones (by stack name).
    static func changes(old: [String: YAMLValue], new: [String: YAMLValue]) -> [AccessChange] {
        let before = grants(old)
        let after = grants(new)
        var remaining = Dictionary(before.map { ($0, 1) }, uniquingKeysWith: +)
        var added: [Grant] = []
        for grant in after {
            if let count = remaining[grant], count > 0 { remaining[grant] = count - 1 } else { added.append(grant) }
        }
        var removed: [Grant] = []
        var unmatched = remaining
        for grant in before where (unmatched[grant] ?? 0) > 0 {
            unmatched[grant]! -= 1
            removed.append(grant)
        }
        return removed.map { change($0, .removed) } + added.map { change($0, .added) }
    }

    private static func change(_ grant: Grant, _ sign: AccessChange.Sign) -> AccessChange {
        let names: [String]
        switch grant.kind {
        case .statement: names = ["Effect", "Action", "Resource", "Principal", "Condition"]
        case .rule: names = ["Direction", "Protocol", "Ports", "Peer", "Description"]
        case .membership: names = ["Property", "Member"]
        }
        return AccessChange(sign: sign, kind: grant.kind, holder: grant.holder, fields: Array(zip(names, grant.fields)))
    }

    /// Every grant of every template, stacks in name order, resources in template order.
    private static func grants(_ templates: [String: YAMLValue]) -> [Grant] {
        var found: [Grant] = []
        for stack in templates.keys.sorted() {
            guard case .map(let resources)? = templates[stack]?["Resources"] else { continue }
            let roles = Set(resources.filter { $0.value["Type"]?.display == "AWS::IAM::Role" }.map(\.key))
            for resource in resources {
                found += grants(stack: stack, logicalId: resource.key, resource.value, roles: roles)
            }
        }
        return found
    }

    /// Properties holding a policy document, by resource type.
    private static let documents: [String: [String]] = [
        "AWS::IAM::ManagedPolicy": ["PolicyDocument"],
        "AWS::IAM::Role": ["AssumeRolePolicyDocument"],
        "AWS::S3::BucketPolicy": ["PolicyDocument"],
        "AWS::SNS::TopicPolicy": ["PolicyDocument"],
        "AWS::ECR::Repository": ["RepositoryPolicyText"],
    ]

    /// Properties listing members or attachments, by resource type.
    private static let memberships: [String: [String]] = [
        "AWS::IAM::UserToGroupAddition": ["Users"],
        "AWS::IAM::User": ["Groups", "ManagedPolicyArns"],
        "AWS::IAM::Group": ["ManagedPolicyArns"],
        "AWS::IAM::Role": ["ManagedPolicyArns"],
        "AWS::IAM::ManagedPolicy": ["Groups", "Roles", "Users"],
    ]

    /// The grants of one resource. `roles` are the logical ids of the stack's roles: a managed
    /// policy attached to one of them alone holds that role's statements, compared as the
    /// role's own (so a role's policy moving inline, or back, changes no statement).
    private static func grants(stack: String, logicalId: String, _ resource: YAMLValue, roles: Set<String>) -> [Grant] {
        let type = resource["Type"]?.display ?? ""
        let properties = resource["Properties"] ?? .map([])
        var found: [Grant] = []
        // The parts of a split managed policy (`MemberPolicy`, `MemberPolicy2`) are one family.
        let family =
            type == "AWS::IAM::ManagedPolicy"
            ? String(logicalId.reversed().drop(while: \.isNumber).reversed()) : logicalId
        var statementHolder = "\(stack)/\(family)"
        if type == "AWS::IAM::ManagedPolicy", properties["Groups"] == nil, properties["Users"] == nil,
            case .list(let attached)? = properties["Roles"], attached.count == 1,
            let role = referencedResource(attached[0]), roles.contains(role)
        {
            statementHolder = "\(stack)/\(role)"
        }
        let holder = "\(stack)/\(family)"
        var policyDocuments = (documents[type] ?? []).compactMap { properties[$0] }
        if case .list(let policies)? = properties["Policies"] {
            policyDocuments += policies.compactMap { $0["PolicyDocument"] }
        }
        for document in policyDocuments {
            let statements: [YAMLValue]
            switch document["Statement"] {
            case .list(let items)?: statements = items
            case let single?: statements = [single]
            case nil: statements = []
            }
            for statement in statements {
                let fields = [
                    statement["Effect"]?.display ?? "",
                    sortedDisplay(statement["Action"] ?? statement["NotAction"].map { .tagged("Not", $0) }),
                    sortedDisplay(statement["Resource"] ?? statement["NotResource"].map { .tagged("Not", $0) }),
                    statement["Principal"]?.display ?? "",
                    statement["Condition"]?.display ?? "",
                ]
                found.append(
                    Grant(
                        holder: statementHolder, kind: .statement, identity: fields.joined(separator: "\u{1F}"),
                        fields: fields))
            }
        }
        for key in memberships[type] ?? [] {
            guard case .list(let members)? = properties[key] else { continue }
            for member in members {
                let fields = [key, member.display]
                found.append(
                    Grant(
                        holder: holder, kind: .membership, identity: fields.joined(separator: "\u{1F}"), fields: fields)
                )
            }
        }
        if type == "AWS::EC2::SecurityGroup" {
            for (key, direction) in [("SecurityGroupIngress", "ingress"), ("SecurityGroupEgress", "egress")] {
                guard case .list(let rules)? = properties[key] else { continue }
                for rule in rules { found.append(ruleGrant(holder: holder, direction: direction, rule)) }
            }
        } else if type == "AWS::EC2::SecurityGroupIngress" || type == "AWS::EC2::SecurityGroupEgress" {
            let direction = type.hasSuffix("Ingress") ? "ingress" : "egress"
            let group = properties["GroupId"].flatMap(referencedResource) ?? properties["GroupId"]?.display ?? logicalId
            found.append(ruleGrant(holder: "\(stack)/\(group)", direction: direction, properties))
        }
        return found
    }

    private static func ruleGrant(holder: String, direction: String, _ rule: YAMLValue) -> Grant {
        let from = rule["FromPort"]?.display
        let to = rule["ToPort"]?.display
        let ports = from == nil && to == nil ? "all" : (from == to ? from! : "\(from ?? "?")-\(to ?? "?")")
        let protocolName = rule["IpProtocol"]?.display ?? ""
        let peerKeys = [
            "CidrIp", "CidrIpv6", "SourceSecurityGroupId", "DestinationSecurityGroupId", "SourcePrefixListId",
            "DestinationPrefixListId",
        ]
        let peer = peerKeys.compactMap { rule[$0]?.display }.joined(separator: " ")
        let fields = [
            direction, protocolName == "-1" ? "all" : protocolName, ports, peer, rule["Description"]?.display ?? "",
        ]
        // The description is shown but does not make a rule different.
        return Grant(
            holder: holder, kind: .rule, identity: fields.dropLast().joined(separator: "\u{1F}"), fields: fields)
    }

    /// The logical id behind `!Ref X` or `!GetAtt X.Attribute`.
    private static func referencedResource(_ value: YAMLValue) -> String? {
        switch value {
        case .tagged("!Ref", .string(let id)): return id
        case .tagged("!GetAtt", .string(let target)): return target.split(separator: ".").first.map(String.init)
        default: return nil
        }
    }

    /// A string or a list of strings, as one sorted comma-separated line.
    private static func sortedDisplay(_ value: YAMLValue?) -> String {
        switch value {
        case .list(let items)?: return items.map(\.display).sorted().joined(separator: ", ")
        case .tagged("Not", let inner)?: return "NOT " + sortedDisplay(inner)
        case let other?: return other.display
        case nil: return ""
        }
    }
}
