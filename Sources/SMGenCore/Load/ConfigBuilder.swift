import SMGenYAML

/// Builds a `Config` from the YAML tree, reading every key with its type and default.
/// It reads on past errors (using the default for a bad value) so that one run reports
/// every problem; the config is only handed on when no error was found.
struct ConfigBuilder {
    var reader: ConfigReader

    static func build(_ root: YAMLNode, reader: inout ConfigReader) -> Config? {
        var builder = ConfigBuilder(reader: reader)
        defer { reader = builder.reader }
        return builder.config(root)
    }

    private mutating func config(_ root: YAMLNode) -> Config? {
        guard
            let top = reader.fields(
                root, "", allowed: ConfigLoader.topLevelKeys, required: ConfigLoader.requiredTopLevelKeys)
        else {
            return nil
        }
        var version = 1
        if let node = top["version"], let value = reader.int(node, "version", in: 0...Int.max) {
            if value != 1 {
                reader.error(node.mark, "version", "unsupported version \(value); this smgen reads version 1")
            }
            version = value
        }
        let org = top["org"].map { readOrg($0) } ?? Org(company: "", companyMark: root.mark, tags: [])
        let environments = top["environments"].map { readEnvironments($0) } ?? []
        let domain = readDomain(top["domain"], company: org.company)
        let naming = readNaming(top["naming"])
        let modules = readModules(top["modules"])
        let admins = top["admins"].flatMap { reader.stringList($0, "admins") } ?? []
        let users = top["users"].map { readUsers($0) } ?? []
        let teams = top["teams"].map { readTeams($0) } ?? []
        let overrides = top["overrides"].map { readOverrides($0, environments: environments.map(\.name)) } ?? []
        var config = Config(
            file: reader.sink.file, version: version, org: org, environments: environments, domain: domain,
            naming: naming, modules: modules, admins: admins.map(\.value), users: users, teams: teams,
            overrides: overrides
        )
        config.adminMarks = admins.map(\.mark)
        config.usersMark = top["users"]?.mark ?? root.mark
        return config
    }

    // MARK: org, domain, naming

    private mutating func readOrg(_ node: YAMLNode) -> Org {
        let fields = reader.fields(node, "org", allowed: ["company", "tags"], required: ["company"])
        var org = Org(company: "", companyMark: node.mark, tags: [])
        if let company = fields?["company"] {
            org.companyMark = company.mark
            org.company =
                reader.string(
                    company, "org.company",
                    expected: "a company prefix: a lowercase letter, then 1 to 19 lowercase letters, digits or '-'",
                    check: Patterns.isCompany) ?? ""
        }
        if let tags = fields?["tags"], let entries = reader.entries(tags, "org.tags") {
            for entry in entries {
                let path = "org.tags.\(entry.key)"
                if !Patterns.isTagText(entry.key, maxLength: 128) || entry.key.isEmpty
                    || entry.key.lowercased().hasPrefix("aws:")
                {
                    reader.error(
                        entry.mark, path,
                        "a tag key is 1 to 128 letters, digits, spaces or _ . : / = + - @ and does not start with 'aws:'"
                    )
                    continue
                }
                if Tagging.reservedKeys.contains(entry.key) {
                    reader.error(entry.mark, path, "tag key '\(entry.key)' is set by smgen itself; choose another key")
                    continue
                }
                if let value = reader.string(
                    entry.value, path,
                    expected: "a tag value of at most 256 letters, digits, spaces or _ . : / = + - @",
                    check: { Patterns.isTagText($0, maxLength: 256) })
                {
                    org.tags.append(Tag(key: entry.key, value: value))
                }
            }
        }
        return org
    }

    private mutating func readDomain(_ node: YAMLNode?, company: String) -> Domain {
        var domain = Domain(name: "\(company)-ml", nameMark: nil, idleTimeoutMinutes: 60)
        guard let node, let fields = reader.fields(node, "domain", allowed: ["name", "idle_timeout_minutes"]) else {
            return domain
        }
        if let name = fields["name"] {
            domain.nameMark = name.mark
            domain.name = reader.string(name, "domain.name") ?? domain.name
        }
        if let idle = fields["idle_timeout_minutes"] {
            domain.idleTimeoutMinutes =
                reader.int(idle, "domain.idle_timeout_minutes", in: 60...525_600) ?? domain.idleTimeoutMinutes
        }
        return domain
    }

    private mutating func readNaming(_ node: YAMLNode?) -> Naming {
        var naming = Naming(bucketSuffix: "", bucketSuffixMark: nil)
        guard let node, let fields = reader.fields(node, "naming", allowed: ["bucket_suffix"]) else { return naming }
        if let suffix = fields["bucket_suffix"] {
            naming.bucketSuffixMark = suffix.mark
            naming.bucketSuffix =
                reader.string(
                    suffix, "naming.bucket_suffix", expected: "at most 40 lowercase letters, digits, '-' or '.'",
                    check: { text in
                        text.utf8.count <= 40
                            && text.utf8.allSatisfy {
                                Patterns.isLower($0) || Patterns.isDigit($0) || $0 == Patterns.hyphen
                                    || $0 == UInt8(ascii: ".")
                            }
                    }) ?? ""
        }
        return naming
    }

    // MARK: users

    private mutating func readUsers(_ node: YAMLNode) -> [User] {
        guard let entries = reader.entries(node, "users") else { return [] }
        var users: [User] = []
        for entry in entries {
            let path = "users.\(entry.key)"
            if !Patterns.isIAMUserName(entry.key) {
                reader.error(
                    entry.mark, path,
                    "'\(ConfigReader.printable(entry.key))' is not a valid IAM user name: 1 to 64 letters, digits or + = , . @ _ -"
                )
            }
            var user = User(name: entry.key, mark: entry.mark, email: "")
            if !(entry.value.isPlainScalar && PlainScalar.classify(entry.value.scalar ?? "") == .null),
                let fields = reader.fields(entry.value, path, allowed: ["email"]), let email = fields["email"]
            {
                user.email =
                    reader.string(email, "\(path).email", expected: "an email address", check: Patterns.isEmail) ?? ""
            }
            users.append(user)
        }
        return users
    }
}
