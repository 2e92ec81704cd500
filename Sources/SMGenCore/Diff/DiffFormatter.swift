import SMGenYAML

/// Writes diffs for people (text for terminals, markdown for pull-request comments) and
/// for programs (JSON).
enum DiffFormatter {
    static func text(_ diffs: [EnvironmentDiff]) -> String {
        var out = ""
        for diff in diffs {
            out += "\(diff.environment): \(DiffSummary(diff).line)\n"
            for stack in diff.stacks {
                out +=
                    "\n\(stack.symbol) stack \(stack.name)\(stack.kind == .modified ? "" : " (\(stack.kind.rawValue))")\n"
                for resource in stack.resources {
                    let name = resource.name.map { "  \($0)" } ?? ""
                    out +=
                        "    \(resource.symbol) \(resource.logicalId)  \(resource.type)\(name)  [\(resource.verdict)]\n"
                    for change in resource.properties { out += "        \(change.path): \(change.summary)\n" }
                }
                for change in stack.template { out += "    ~ \(change.path): \(change.summary)\n" }
            }
            if !diff.access.isEmpty {
                out += "\nAccess (+ granted, - revoked, * widens access):\n"
                for change in diff.access {
                    let fields = change.fields.filter { !$0.value.isEmpty }.map { "\($0.name): \($0.value)" }.joined(
                        separator: "  ")
                    out +=
                        "  \(change.widens ? "*" : " ") \(change.sign.rawValue) \(change.kind.rawValue)  \(change.holder)  \(fields)\n"
                }
            }
            if !diff.files.isEmpty {
                out +=
                    "\nOther files: " + diff.files.map { "\($0.path) (\($0.kind.rawValue))" }.joined(separator: ", ")
                    + "\n"
            }
            out += "\n"
        }
        return out
    }

    static func markdown(_ diffs: [EnvironmentDiff]) -> String {
        var out = ""
        for diff in diffs {
            let summary = DiffSummary(diff)
            out += "### smgen diff: `\(diff.environment)`\n\n"
            if summary.dataAtRisk > 0 {
                out +=
                    "> **DATA AT RISK**: \(summary.dataAtRisk) resource(s) holding data would be replaced or removed.\n\n"
            }
            if summary.widening > 0 {
                out += "> **Access widens**: \(summary.widening) change(s) grant more than before.\n\n"
            }
            out += "**\(summary.line)**\n\n"
            if diff.isEmpty { continue }
            if !diff.stacks.isEmpty {
                out += "| | Stack | Resource | Type | Change |\n|---|---|---|---|---|\n"
                for stack in diff.stacks {
                    if stack.resources.isEmpty && stack.template.isEmpty {
                        out += "| \(stack.symbol) | \(Markdown.code(stack.name)) | | | stack \(stack.kind.rawValue) |\n"
                    }
                    for resource in stack.resources {
                        let verdict =
                            resource.dataAtRisk || resource.replacement != .none
                            ? "**\(resource.verdict)**" : resource.verdict
                        var properties: [String] = []
                        for change in resource.properties {
                            let top = change.path.split(separator: ".").prefix(2).joined(separator: ".")
                            if !properties.contains(top) { properties.append(top) }
                        }
                        let paths = properties.map(Markdown.code).joined(separator: ", ")
                        out +=
                            "| \(resource.symbol) | \(Markdown.code(stack.name)) | \(Markdown.code(resource.logicalId))\(resource.name.map { " (" + Markdown.code($0) + ")" } ?? "") | \(Markdown.code(resource.type)) | \(verdict)\(paths.isEmpty ? "" : ": " + paths) |\n"
                    }
                    if !stack.template.isEmpty {
                        out +=
                            "| ~ | \(Markdown.code(stack.name)) | | | \(stack.template.map { Markdown.code($0.path) }.joined(separator: ", ")) |\n"
                    }
                }
                let details = diff.stacks.flatMap { stack in
                    stack.resources.flatMap { resource in
                        resource.properties.map { (stack.name, resource.logicalId, $0) }
                    }
                        + stack.template.map { (stack.name, "", $0) }
                }
                if !details.isEmpty {
                    out +=
                        "\n<details><summary>Property changes (\(details.count))</summary>\n\n| Stack | Resource | Property | Change |\n|---|---|---|---|\n"
                    for (stack, resource, change) in details {
                        out +=
                            "| \(Markdown.code(stack)) | \(resource.isEmpty ? "" : Markdown.code(resource)) | \(Markdown.code(change.path)) | \(Markdown.cell(change.summary)) |\n"
                    }
                    out += "\n</details>\n"
                }
                out += "\n"
            }
            for kind in [AccessChange.Kind.statement, .rule, .membership] {
                let changes = diff.access.filter { $0.kind == kind }
                guard let first = changes.first else { continue }
                out += "#### \(kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst())s\n\n"
                out += "| | Holder | " + first.fields.map(\.name).joined(separator: " | ") + " |\n"
                out += "|---|---|" + String(repeating: "---|", count: first.fields.count) + "\n"
                for change in changes {
                    let sign = change.widens ? "**\(change.sign.rawValue)**" : change.sign.rawValue
                    out +=
                        "| \(sign) | \(Markdown.code(change.holder)) | "
                        + change.fields.map { Markdown.cell($0.value) }.joined(separator: " | ") + " |\n"
                }
                out += "\n"
            }
            if !diff.files.isEmpty {
                out +=
                    "Other files: "
                    + diff.files.map { "\(Markdown.code($0.path)) (\($0.kind.rawValue))" }.joined(separator: ", ")
                    + "\n\n"
            }
        }
        return out
    }

    static func json(_ diffs: [EnvironmentDiff]) -> String {
        let value: YAMLValue = .map([
            "changed": .bool(diffs.contains { !$0.isEmpty }),
            "environments": .list(diffs.map(json)),
        ])
        return JSONWriter.write(value)
    }

    private static func json(_ diff: EnvironmentDiff) -> YAMLValue {
        let summary = DiffSummary(diff)
        func property(_ change: PropertyChange) -> YAMLValue {
            .map([
                "path": .string(change.path), "old": change.old?.untagged ?? .null,
                "new": change.new?.untagged ?? .null,
            ])
        }
        return .map([
            "environment": .string(diff.environment),
            "summary": .map([
                "stacks_added": .int(summary.stacksAdded), "stacks_removed": .int(summary.stacksRemoved),
                "stacks_modified": .int(summary.stacksModified),
                "resources_added": .int(summary.resourcesAdded), "resources_removed": .int(summary.resourcesRemoved),
                "resources_modified": .int(summary.resourcesModified),
                "resources_replaced": .int(summary.resourcesReplaced),
                "resources_may_be_replaced": .int(summary.resourcesMaybeReplaced),
                "data_at_risk": .int(summary.dataAtRisk),
                "access_changes": .int(summary.accessChanges), "access_widening": .int(summary.widening),
            ]),
            "stacks": .list(
                diff.stacks.map { stack in
                    .map([
                        "name": .string(stack.name),
                        "change": .string(stack.kind.rawValue),
                        "resources": .list(
                            stack.resources.map { resource in
                                .map([
                                    "logical_id": .string(resource.logicalId), "type": .string(resource.type),
                                    "name": resource.name.map { .string($0) } ?? .null,
                                    "change": .string(resource.kind.rawValue),
                                    "replacement": .string(resource.replacement.rawValue),
                                    "data_at_risk": .bool(resource.dataAtRisk),
                                    "properties": .list(resource.properties.map(property)),
                                ])
                            }),
                        "template": .list(stack.template.map(property)),
                    ])
                }),
            "access": .list(
                diff.access.map { change in
                    .map([
                        "change": .string(change.sign == .added ? "added" : "removed"),
                        "kind": .string(change.kind.rawValue),
                        "holder": .string(change.holder), "widens": .bool(change.widens),
                        "fields": .map(change.fields.map { YAMLEntry($0.name, .string($0.value)) }),
                    ])
                }),
            "files": .list(diff.files.map { .map(["path": .string($0.path), "change": .string($0.kind.rawValue)]) }),
        ])
    }
}
