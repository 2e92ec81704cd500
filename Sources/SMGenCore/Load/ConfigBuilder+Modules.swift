import SMGenYAML

extension ConfigBuilder {
    /// The retention periods CloudWatch Logs accepts, in days.
    static let logRetentionDays: Set<Int> = [
        1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
    ]

    mutating func readModules(_ node: YAMLNode?) -> Modules {
        var modules = Modules(ecr: nil, modelRegistry: false, monitoring: nil, mlops: false)
        guard let node,
            let fields = reader.fields(node, "modules", allowed: ["ecr", "model_registry", "monitoring", "mlops"])
        else { return modules }
        if let ecr = fields["ecr"] {
            modules.ecr = self.ecr(ecr)
        }
        if let registry = fields["model_registry"] {
            modules.modelRegistry = enabledOnly(registry, "modules.model_registry")
        }
        if let monitoring = fields["monitoring"] {
            modules.monitoring = self.monitoring(monitoring)
        }
        if let mlops = fields["mlops"] {
            readMLOps(mlops, into: &modules)
        }
        return modules
    }

    private mutating func readMLOps(_ node: YAMLNode, into modules: inout Modules) {
        modules.mlopsMark = node.mark
        guard
            let fields = reader.fields(
                node, "modules.mlops", allowed: ["enabled", "source", "git_provider"], required: ["enabled"])
        else { return }
        modules.mlops = enabled(fields)
        let source =
            fields["source"].flatMap {
                reader.string($0, fields.path("source"), expected: "s3 or git", check: { ["s3", "git"].contains($0) })
            } ?? "s3"
        var provider = "GitHub"
        if let node = fields["git_provider"] {
            provider =
                reader.string(
                    node, fields.path("git_provider"),
                    expected: "one of \(CodeSource.providers.joined(separator: ", "))",
                    check: CodeSource.providers.contains) ?? provider
            if source != "git" { reader.error(node.mark, fields.path("git_provider"), "applies to 'source: git' only") }
        }
        modules.mlopsSource = source == "git" ? .git(provider: provider) : .s3
    }

    /// Reads `enabled` (required in every module block).
    private mutating func enabled(_ fields: Fields) -> Bool {
        guard let node = fields["enabled"] else { return false }
        return reader.bool(node, fields.path("enabled")) ?? false
    }

    private mutating func enabledOnly(_ node: YAMLNode, _ path: String) -> Bool {
        guard let fields = reader.fields(node, path, allowed: ["enabled"], required: ["enabled"]) else { return false }
        return enabled(fields)
    }

    private mutating func ecr(_ node: YAMLNode) -> ECRModule? {
        let path = "modules.ecr"
        guard
            let fields = reader.fields(
                node, path, allowed: ["enabled", "shared_repos", "project_repos", "keep_images"], required: ["enabled"])
        else { return nil }
        var module = ECRModule(
            sharedRepos: ECRModule.defaultSharedRepos, projectRepos: ECRModule.defaultProjectRepos, keepImages: 10)
        if let shared = fields["shared_repos"] {
            module.sharedRepos = repositoryList(shared, fields.path("shared_repos"))
        }
        if let perProject = fields["project_repos"] {
            module.projectRepos = repositoryList(perProject, fields.path("project_repos"))
        }
        if let keep = fields["keep_images"] {
            module.keepImages = reader.int(keep, fields.path("keep_images"), in: 1...1000) ?? module.keepImages
        }
        return enabled(fields) ? module : nil
    }

    private mutating func repositoryList(_ node: YAMLNode, _ path: String) -> [String] {
        guard let items = reader.stringList(node, path) else { return [] }
        var seen = Set<String>()
        var result: [String] = []
        for (index, item) in items.enumerated() {
            if !Patterns.isRepositoryName(item.value) || item.value.utf8.count > 64 {
                reader.error(
                    item.mark, "\(path)[\(index)]",
                    "expected a repository name (up to 64 lowercase letters and digits, separated by single '.', '_', '-' or '/'), found '\(ConfigReader.printable(item.value))'"
                )
            } else if !seen.insert(item.value).inserted {
                reader.error(item.mark, "\(path)[\(index)]", "'\(item.value)' is listed twice")
            } else {
                result.append(item.value)
            }
        }
        return result
    }

    private mutating func monitoring(_ node: YAMLNode) -> MonitoringModule? {
        let path = "modules.monitoring"
        guard
            let fields = reader.fields(
                node, path, allowed: ["enabled", "log_retention_days", "alarm_email"], required: ["enabled"])
        else { return nil }
        var module = MonitoringModule(
            processingRetentionDays: 30, trainingRetentionDays: 90, endpointsRetentionDays: 14, alarmEmail: "")
        if let retention = fields["log_retention_days"],
            let days = reader.fields(
                retention, fields.path("log_retention_days"), allowed: ["processing", "training", "endpoints"])
        {
            module.processingRetentionDays = retentionDays(days, "processing") ?? module.processingRetentionDays
            module.trainingRetentionDays = retentionDays(days, "training") ?? module.trainingRetentionDays
            module.endpointsRetentionDays = retentionDays(days, "endpoints") ?? module.endpointsRetentionDays
        }
        if let email = fields["alarm_email"] {
            module.alarmEmail =
                reader.string(
                    email, fields.path("alarm_email"), expected: "an email address (or \"\" for none)",
                    check: { $0.isEmpty || Patterns.isEmail($0) }) ?? ""
        }
        return enabled(fields) ? module : nil
    }

    private mutating func retentionDays(_ fields: Fields, _ key: String) -> Int? {
        guard let node = fields[key], let days = reader.int(node, fields.path(key), in: 1...3653) else { return nil }
        guard Self.logRetentionDays.contains(days) else {
            let allowed = Self.logRetentionDays.sorted().map(String.init).joined(separator: ", ")
            reader.error(
                node.mark, fields.path(key), "CloudWatch Logs keeps logs for one of \(allowed) days, found \(days)")
            return nil
        }
        return days
    }
}
