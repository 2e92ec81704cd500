import SMGenYAML

extension ConfigBuilder {
    mutating func readEnvironments(_ node: YAMLNode) -> [Environment] {
        guard let entries = reader.entries(node, "environments") else { return [] }
        if entries.isEmpty {
            reader.error(node.mark, "environments", "expected at least one environment")
        }
        return entries.map { environment($0.key, mark: $0.mark, node: $0.value) }
    }

    private mutating func environment(_ name: String, mark: Mark, node: YAMLNode) -> Environment {
        let path = "environments.\(name)"
        if !Patterns.isLowerId(name, maxLength: 16, strictHyphens: true) {
            reader.error(
                mark, path,
                "an environment name is a lowercase letter, then up to 15 lowercase letters, digits or single '-' (it names a folder and a tag)"
            )
        }
        var environment = Environment(
            name: name, mark: mark, account: "", region: "",
            vpc: VPC(id: "", cidr: "", subnets: [], endpoints: false, routeTables: []), templateBucket: ""
        )
        environment.accountMark = mark
        guard
            let fields = reader.fields(
                node, path, allowed: ["account", "region", "vpc", "template_bucket"],
                required: ["account", "region", "vpc"])
        else {
            return environment
        }
        if let account = fields["account"] {
            environment.accountMark = account.mark
            if account.isPlainScalar, let text = account.scalar, case .int = PlainScalar.classify(text) {
                reader.error(
                    account.mark, fields.path("account"),
                    "expected 12 digits in quotes, e.g. \"\(text)\"; unquoted, YAML reads a number (and drops leading zeros)"
                )
            } else {
                environment.account =
                    reader.string(
                        account, fields.path("account"), expected: "an AWS account id of exactly 12 digits",
                        check: Patterns.isAccount) ?? ""
            }
        }
        if let region = fields["region"], let text = reader.string(region, fields.path("region")) {
            if Regions.all[text] == nil {
                let hint =
                    Suggestion.closest(to: text, among: Regions.all.keys.sorted()).map { "; did you mean '\($0)'?" }
                    ?? ""
                reader.error(
                    region.mark, fields.path("region"), "'\(ConfigReader.printable(text))' is not an AWS region\(hint)")
            } else {
                environment.region = text
            }
        }
        if let vpc = fields["vpc"] {
            environment.vpc = self.vpc(vpc, fields.path("vpc"))
        }
        if let bucket = fields["template_bucket"] {
            environment.templateBucket =
                reader.string(
                    bucket, fields.path("template_bucket"),
                    expected: "an S3 bucket name (3 to 63 lowercase letters, digits, '-' or '.')",
                    check: { $0.isEmpty || NameRules.isBucketName($0) }) ?? ""
        }
        return environment
    }

    private mutating func vpc(_ node: YAMLNode, _ path: String) -> VPC {
        var vpc = VPC(id: "", cidr: "", subnets: [], endpoints: false, routeTables: [])
        guard
            let fields = reader.fields(
                node, path, allowed: ["id", "cidr", "subnets", "endpoints", "route_tables"],
                required: ["id", "cidr", "subnets"])
        else {
            return vpc
        }
        if let id = fields["id"] {
            vpc.id =
                reader.string(
                    id, fields.path("id"), expected: "a VPC id such as vpc-0a1b2c3d4e5f60718",
                    check: { Patterns.isResourceId($0, prefix: "vpc") }) ?? ""
        }
        if let cidr = fields["cidr"], let text = reader.string(cidr, fields.path("cidr")) {
            if let parsed = Patterns.parseCIDR(text) {
                if !parsed.hostBitsClear {
                    reader.error(
                        cidr.mark, fields.path("cidr"),
                        "'\(text)' has bits set beyond its /\(parsed.prefix) prefix; write the network address")
                } else if !(16...28).contains(parsed.prefix) {
                    reader.error(
                        cidr.mark, fields.path("cidr"),
                        "a VPC CIDR has a prefix from /16 to /28, found /\(parsed.prefix)")
                } else {
                    vpc.cidr = text
                }
            } else {
                reader.error(
                    cidr.mark, fields.path("cidr"),
                    "expected an IPv4 CIDR such as 10.20.0.0/16, found '\(ConfigReader.printable(text))'")
            }
        }
        if let subnets = fields["subnets"] {
            vpc.subnets = idList(subnets, fields.path("subnets"), prefix: "subnet", example: "subnet-0aa11bb22cc33dd44")
            if case .sequence(let items) = subnets.kind, items.count < 2 {
                reader.error(
                    subnets.mark, fields.path("subnets"),
                    "expected two or more private subnets (in at least two availability zones), found \(items.count)")
            }
        }
        if let endpoints = fields["endpoints"] {
            vpc.endpoints = reader.bool(endpoints, fields.path("endpoints")) ?? false
        }
        if let tables = fields["route_tables"] {
            vpc.routeTables = idList(
                tables, fields.path("route_tables"), prefix: "rtb", example: "rtb-0a1b2c3d4e5f60718")
        }
        if vpc.endpoints && vpc.routeTables.isEmpty {
            reader.error(
                fields["route_tables"]?.mark ?? node.mark, fields.path("route_tables"),
                "endpoints: true needs the private route tables (route_tables) for the S3 gateway endpoint")
        }
        return vpc
    }

    /// A list of unique AWS resource ids of one kind.
    private mutating func idList(_ node: YAMLNode, _ path: String, prefix: String, example: String) -> [String] {
        guard let items = reader.stringList(node, path) else { return [] }
        var seen = Set<String>()
        var result: [String] = []
        for (index, item) in items.enumerated() {
            if !Patterns.isResourceId(item.value, prefix: prefix) {
                reader.error(
                    item.mark, "\(path)[\(index)]",
                    "expected an id such as \(example), found '\(ConfigReader.printable(item.value))'")
            } else if !seen.insert(item.value).inserted {
                reader.error(item.mark, "\(path)[\(index)]", "'\(item.value)' is listed twice")
            } else {
                result.append(item.value)
            }
        }
        return result
    }
}
