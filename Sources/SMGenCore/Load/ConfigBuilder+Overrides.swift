import SMGenYAML

extension ConfigBuilder {
    /// The resource keys an override may change: `Type` and `Condition` are smgen's.
    static let overridableAttributes = ["Properties", "Metadata", "DependsOn", "DeletionPolicy", "UpdateReplacePolicy"]

    mutating func readOverrides(_ node: YAMLNode, environments: [String]) -> [Override] {
        guard case .sequence(let items) = node.kind else {
            reader.error(node.mark, "overrides", "expected a list of overrides, found \(ConfigReader.describe(node))")
            return []
        }
        return items.enumerated().compactMap { index, item in
            readOverride(item, "overrides[\(index)]", environments: environments)
        }
    }

    private mutating func readOverride(_ node: YAMLNode, _ path: String, environments: [String]) -> Override? {
        guard
            let fields = reader.fields(
                node, path, allowed: ["stack", "resource", "path", "value", "delete", "environment", "reason"],
                required: ["stack", "resource", "path"])
        else { return nil }
        let stack = fields["stack"].flatMap { reader.string($0, fields.path("stack")) }
        let resource = fields["resource"].flatMap {
            reader.string(
                $0, fields.path("resource"), expected: "a logical ID: letters and digits", check: Patterns.isLogicalId)
        }
        var segments: [String]?
        if let node = fields["path"], let text = reader.string(node, fields.path("path")) {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if !Self.overridableAttributes.contains(parts[0]) || parts.contains(where: \.isEmpty) {
                reader.error(
                    node.mark, fields.path("path"),
                    "expected a dotted path starting with one of \(Self.overridableAttributes.joined(separator: ", ")) (e.g. Properties.Tags.0.Value), found '\(ConfigReader.printable(text))'"
                )
            } else {
                segments = parts
            }
        }
        var action: Override.Action?
        switch (fields["value"], fields["delete"]) {
        case (let value?, nil): action = .set(TemplateReader.value(value))
        case (nil, let delete?):
            if reader.bool(delete, fields.path("delete")) == true {
                action = .delete
            } else {
                reader.error(
                    delete.mark, fields.path("delete"), "only 'delete: true' is meaningful; to set a value use 'value:'"
                )
            }
        case (_?, _?):
            reader.error(
                node.mark, path, "has both 'value' and 'delete'; an override either sets a value or deletes it")
        case (nil, nil): reader.error(node.mark, path, "needs 'value: ...' (to set) or 'delete: true' (to remove)")
        }
        var environment: String?
        if let node = fields["environment"], let name = reader.string(node, fields.path("environment")) {
            if environments.contains(name) {
                environment = name
            } else {
                reader.error(
                    node.mark, fields.path("environment"),
                    "no environment '\(name)'; the config has: \(environments.joined(separator: ", "))")
            }
        }
        let reason = fields["reason"].flatMap { reader.string($0, fields.path("reason")) }
        guard let stack, let resource, let segments, let action else { return nil }
        return Override(
            stack: stack, resource: resource, path: segments, action: action, environment: environment, reason: reason,
            label: path,
            stackMark: fields["stack"]!.mark, resourceMark: fields["resource"]!.mark, pathMark: fields["path"]!.mark)
    }
}
