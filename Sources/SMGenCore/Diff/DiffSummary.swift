import SMGenYAML

/// The counts a reviewer reads first, for one environment's diff.
struct DiffSummary {
    var stacksAdded = 0, stacksRemoved = 0, stacksModified = 0
    var resourcesAdded = 0, resourcesRemoved = 0, resourcesModified = 0, resourcesReplaced = 0,
        resourcesMaybeReplaced = 0
    var dataAtRisk = 0
    var accessChanges = 0, widening = 0
    var otherFiles = 0

    init(_ diff: EnvironmentDiff) {
        for stack in diff.stacks {
            switch stack.kind {
            case .added: stacksAdded += 1
            case .removed: stacksRemoved += 1
            case .modified: stacksModified += 1
            }
            for resource in stack.resources {
                switch (resource.kind, resource.replacement) {
                case (.added, _): resourcesAdded += 1
                case (.removed, _): resourcesRemoved += 1
                case (.modified, .always): resourcesReplaced += 1
                case (.modified, .conditional): resourcesMaybeReplaced += 1
                case (.modified, .none): resourcesModified += 1
                }
                if resource.dataAtRisk { dataAtRisk += 1 }
            }
        }
        otherFiles = diff.files.count
        accessChanges = diff.access.count
        widening = diff.access.filter(\.widens).count
    }

    /// One line: `1 stack added, 2 modified; resources: 3 added, 1 replaced; ...`.
    var line: String {
        func counted(_ pairs: [(Int, String)]) -> String {
            pairs.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        }
        let stacks = counted([(stacksAdded, "added"), (stacksRemoved, "removed"), (stacksModified, "modified")])
        let resources = counted([
            (resourcesAdded, "added"), (resourcesRemoved, "removed"), (resourcesReplaced, "replaced"),
            (resourcesMaybeReplaced, "may be replaced"), (resourcesModified, "modified in place"),
        ])
        var parts: [String] = []
        if !stacks.isEmpty { parts.append("stacks: \(stacks)") }
        if !resources.isEmpty { parts.append("resources: \(resources)") }
        if dataAtRisk > 0 { parts.append("DATA AT RISK: \(dataAtRisk)") }
        if accessChanges > 0 {
            parts.append("access: \(accessChanges) change\(accessChanges == 1 ? "" : "s") (\(widening) widening)")
        }
        if otherFiles > 0 { parts.append("other files: \(otherFiles)") }
        return parts.isEmpty ? "no changes" : parts.joined(separator: "; ")
    }
}

extension ResourceChange {
    /// `+` added, `-` removed, `!` replaced (or may be), `~` modified in place.
    var symbol: String {
        switch kind {
        case .added: return "+"
        case .removed: return "-"
        case .modified: return replacement == .none ? "~" : "!"
        }
    }

    /// What happens to it, in words: `added`, `removed`, `modified`, `replace`, `may replace`;
    /// with `DATA AT RISK` when data goes with it.
    var verdict: String {
        let base = kind == .modified && replacement != .none ? replacement.rawValue : kind.rawValue
        return dataAtRisk ? "\(base), DATA AT RISK" : base
    }
}

extension StackChange {
    var symbol: String {
        switch kind {
        case .added: return "+"
        case .removed: return "-"
        case .modified: return "~"
        }
    }
}

extension PropertyChange {
    /// `old -> new`, with lists of names shown as what was added and removed.
    var summary: String {
        if case .list(let before)? = old, case .list(let after)? = new,
            !(before + after).contains(where: \.isCollection)
        {
            let removed = before.map(\.display).filter { !after.map(\.display).contains($0) }
            let added = after.map(\.display).filter { !before.map(\.display).contains($0) }
            if added.isEmpty && removed.isEmpty { return "reordered" }
            return [
                added.isEmpty ? nil : "added " + added.joined(separator: ", "),
                removed.isEmpty ? nil : "removed " + removed.joined(separator: ", "),
            ].compactMap { $0 }.joined(separator: "; ")
        }
        return "\(Self.shown(old)) -> \(Self.shown(new))"
    }

    private static func shown(_ value: YAMLValue?) -> String {
        guard let value else { return "(none)" }
        let text = value.display
        return text.count > 120 ? String(text.prefix(117)) + "..." : text
    }
}
