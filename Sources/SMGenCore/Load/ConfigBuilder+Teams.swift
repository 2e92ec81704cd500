import SMGenYAML

extension ConfigBuilder {
    mutating func readTeams(_ node: YAMLNode) -> [Team] {
        guard let entries = reader.entries(node, "teams") else { return [] }
        return entries.map { entry in
            let path = "teams.\(entry.key)"
            if !Patterns.isTeamId(entry.key) {
                reader.error(
                    entry.mark, path,
                    "a team id is a lowercase letter, then up to 9 lowercase letters or digits, found '\(ConfigReader.printable(entry.key))'"
                )
            }
            var team = Team(id: entry.key, mark: entry.mark, name: entry.key, projects: [])
            guard let fields = reader.fields(entry.value, path, allowed: ["name", "projects"], required: ["projects"])
            else { return team }
            if let name = fields["name"] {
                team.name =
                    reader.string(
                        name, fields.path("name"),
                        expected: "a display name of 1 to 64 letters, digits, spaces or _ . : / = + - @",
                        check: { !$0.isEmpty && Patterns.isTagText($0, maxLength: 64) }) ?? team.name
            }
            if let projects = fields["projects"], let projectEntries = reader.entries(projects, fields.path("projects"))
            {
                team.projects = projectEntries.map {
                    project($0.key, mark: $0.mark, node: $0.value, path: "\(fields.path("projects")).\($0.key)")
                }
            }
            return team
        }
    }

    private mutating func project(_ id: String, mark: Mark, node: YAMLNode, path: String) -> Project {
        let idRule = "a lowercase letter, then up to 31 lowercase letters, digits or single '-', not ending in '-'"
        if !Patterns.isProjectId(id) {
            reader.error(mark, path, "a project id is \(idRule), found '\(ConfigReader.printable(id))'")
        }
        var project = Project(
            id: id, mark: mark, short: id, shortMark: nil, members: [], models: [],
            pipeline: PipelineSettings(accuracyThreshold: PipelineSettings.defaultAccuracyThreshold))
        guard
            let fields = reader.fields(
                node, path, allowed: ["short", "members", "models", "pipeline"], required: ["members"])
        else { return project }
        if let short = fields["short"] {
            project.shortMark = short.mark
            project.short =
                reader.string(
                    short, fields.path("short"), expected: "a short id: \(idRule)", check: Patterns.isProjectId) ?? id
        }
        if let members = fields["members"], let items = reader.stringList(members, fields.path("members")) {
            var seen = Set<String>()
            for (index, item) in items.enumerated() {
                guard seen.insert(item.value).inserted else {
                    reader.error(
                        item.mark, "\(fields.path("members"))[\(index)]",
                        "'\(ConfigReader.printable(item.value))' is listed twice")
                    continue
                }
                project.members.append(item.value)
                project.memberMarks.append(item.mark)
            }
        }
        if let models = fields["models"], let entries = reader.entries(models, fields.path("models")) {
            project.models = entries.map {
                model($0.key, mark: $0.mark, node: $0.value, path: "\(fields.path("models")).\($0.key)")
            }
        }
        if let pipeline = fields["pipeline"],
            let settings = reader.fields(
                pipeline, fields.path("pipeline"),
                allowed: ["accuracy_threshold", "instance_type", "repository", "branch"])
        {
            if let threshold = settings["accuracy_threshold"] {
                project.pipeline.accuracyThreshold =
                    reader.double(threshold, settings.path("accuracy_threshold"), in: 0...1)
                    ?? PipelineSettings.defaultAccuracyThreshold
            }
            if let type = settings["instance_type"] {
                project.pipeline.instanceType =
                    reader.string(
                        type, settings.path("instance_type"), expected: "a SageMaker instance type such as ml.m5.large",
                        check: Patterns.isInstanceType) ?? PipelineSettings.defaultInstanceType
            }
            if let repository = settings["repository"] {
                project.pipeline.repositoryMark = repository.mark
                project.pipeline.repository = reader.string(
                    repository, settings.path("repository"), expected: "a git repository as owner/name",
                    check: Patterns.isGitRepository)
            }
            if let branch = settings["branch"] {
                project.pipeline.branch =
                    reader.string(
                        branch, settings.path("branch"), expected: "a git branch name", check: Patterns.isGitBranch)
                    ?? "main"
            }
        }
        return project
    }

    private mutating func model(_ name: String, mark: Mark, node: YAMLNode, path: String) -> Model {
        if !Patterns.isModelName(name) {
            reader.error(
                mark, path,
                "a model name is a lowercase letter, then up to 15 lowercase letters, digits or single '-', found '\(ConfigReader.printable(name))'"
            )
        }
        var model = Model(
            name: name, mark: mark, version: 1, image: "",
            hosting: .instances(type: Model.defaultInstanceType, autoscaling: nil))
        let allowed = ["version", "instance_type", "image", "autoscaling", "serverless", "monitor", "drift_feature"]
        guard let fields = reader.fields(node, path, allowed: allowed, required: ["version", "image"]) else {
            return model
        }
        if let version = fields["version"] {
            model.version = reader.int(version, fields.path("version"), in: 1...9999) ?? 1
        }
        if let image = fields["image"] {
            model.image =
                reader.string(
                    image, fields.path("image"),
                    expected: "a container image URI such as 123456789012.dkr.ecr.us-east-1.amazonaws.com/repo:tag",
                    check: Patterns.isImageURI) ?? ""
        }
        var instanceType = Model.defaultInstanceType
        if let type = fields["instance_type"] {
            instanceType =
                reader.string(
                    type, fields.path("instance_type"), expected: "a SageMaker instance type such as ml.m5.large",
                    check: Patterns.isInstanceType) ?? instanceType
        }
        if let monitor = fields["monitor"] {
            model.monitor = reader.bool(monitor, fields.path("monitor")) ?? false
            model.monitorMark = monitor.mark
            if model.monitor && fields["serverless"] != nil {
                reader.error(
                    monitor.mark, fields.path("monitor"),
                    "Model Monitor needs the endpoint's data capture, which serverless endpoints do not have; host the model on instances"
                )
            }
        }
        if let feature = fields["drift_feature"] {
            model.driftFeature =
                reader.string(
                    feature, fields.path("drift_feature"),
                    expected: "a feature name of letters, digits and _ (the baseline's column name)",
                    check: Patterns.isFeatureName) ?? Model.defaultDriftFeature
            if !model.monitor {
                reader.error(
                    feature.mark, fields.path("drift_feature"), "applies to monitored models only; add 'monitor: true'")
            }
        }
        let autoscaling = fields["autoscaling"].flatMap { self.autoscaling($0, fields.path("autoscaling")) }
        if let serverless = fields["serverless"] {
            if let type = fields["instance_type"] {
                reader.error(
                    type.mark, fields.path("instance_type"),
                    "a model is hosted on instances or serverless, not both; remove instance_type or serverless")
            }
            if let scaling = fields["autoscaling"] {
                reader.error(
                    scaling.mark, fields.path("autoscaling"),
                    "autoscaling applies to instance-hosted models; serverless endpoints scale by themselves")
            }
            model.hosting = self.serverless(serverless, fields.path("serverless"))
        } else {
            model.hosting = .instances(type: instanceType, autoscaling: autoscaling)
        }
        return model
    }

    private mutating func autoscaling(_ node: YAMLNode, _ path: String) -> Autoscaling? {
        guard let fields = reader.fields(node, path, allowed: ["min", "max", "target_invocations"]) else { return nil }
        var scaling = Autoscaling(min: 1, max: 4, targetInvocations: 70)
        if let min = fields["min"] { scaling.min = reader.int(min, fields.path("min"), in: 1...100) ?? scaling.min }
        if let max = fields["max"] { scaling.max = reader.int(max, fields.path("max"), in: 1...100) ?? scaling.max }
        if let target = fields["target_invocations"] {
            scaling.targetInvocations =
                reader.int(target, fields.path("target_invocations"), in: 1...100_000) ?? scaling.targetInvocations
        }
        if scaling.min > scaling.max {
            reader.error(
                fields["max"]?.mark ?? node.mark, fields.path("max"),
                "max (\(scaling.max)) is below min (\(scaling.min))")
        }
        return scaling
    }

    private mutating func serverless(_ node: YAMLNode, _ path: String) -> Hosting {
        var memory = 2048
        var concurrency = 5
        if let fields = reader.fields(node, path, allowed: ["memory_mb", "max_concurrency"]) {
            if let node = fields["memory_mb"], let value = reader.int(node, fields.path("memory_mb"), in: 1024...6144) {
                if value % 1024 == 0 {
                    memory = value
                } else {
                    reader.error(
                        node.mark, fields.path("memory_mb"),
                        "serverless memory is 1024, 2048, 3072, 4096, 5120 or 6144 MB, found \(value)")
                }
            }
            if let node = fields["max_concurrency"] {
                concurrency = reader.int(node, fields.path("max_concurrency"), in: 1...200) ?? concurrency
            }
        }
        return .serverless(memoryMB: memory, maxConcurrency: concurrency)
    }
}
