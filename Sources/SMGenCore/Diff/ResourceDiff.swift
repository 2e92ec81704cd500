import SMGenYAML

/// Compares two versions of one template, resource by resource.
enum ResourceDiff {
    /// Resource types whose replacement or removal loses what users stored in them
    /// (Studio home directories live on the domain's EFS volume, per profile and space).
    static let homeDirectoryTypes: Set<String> = [
        "AWS::SageMaker::Domain", "AWS::SageMaker::UserProfile", "AWS::SageMaker::Space",
    ]

    /// The changes from `old` to `new` (either nil for a stack added or removed), resources
    /// in the order of the new template, then the removed ones in their old order.
    static func changes(old: YAMLValue?, new: YAMLValue?) -> [ResourceChange] {
        let before = resources(old)
        let after = resources(new)
        let beforeById = Dictionary(before.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        let afterIds = Set(after.map(\.key))
        var found: [ResourceChange] = []
        for entry in after {
            guard let previous = beforeById[entry.key] else {
                found.append(change(entry.key, kind: .added, old: nil, new: entry.value))
                continue
            }
            if previous != entry.value {
                found.append(change(entry.key, kind: .modified, old: previous, new: entry.value))
            }
        }
        for entry in before where !afterIds.contains(entry.key) {
            found.append(change(entry.key, kind: .removed, old: entry.value, new: nil))
        }
        return found
    }

    private static func resources(_ template: YAMLValue?) -> [YAMLEntry] {
        guard case .map(let entries)? = template?["Resources"] else { return [] }
        return entries
    }

    private static func change(_ logicalId: String, kind: ResourceChange.Kind, old: YAMLValue?, new: YAMLValue?)
        -> ResourceChange
    {
        let type = (new ?? old)?["Type"]?.display ?? "?"
        let properties = kind == .modified ? differences(old, new, path: "") : []
        var replacement = Replacement.none
        if kind == .modified {
            if old?["Type"] != new?["Type"] {
                replacement = .always
            } else if properties.contains(where: { forces($0.path, CreateOnlyProperties.always[type]) }) {
                replacement = .always
            } else if properties.contains(where: { forces($0.path, CreateOnlyProperties.conditional[type]) }) {
                replacement = .conditional
            }
        }
        let deletionPolicy = (new ?? old)?["DeletionPolicy"]
        let holdsData =
            deletionPolicy == .string("Retain") || deletionPolicy == .string("RetainExceptOnCreate")
            || homeDirectoryTypes.contains(type)
        let dataAtRisk = holdsData && (kind == .removed || replacement != .none)
        return ResourceChange(
            logicalId: logicalId, type: type, name: name(of: type, new ?? old), kind: kind, properties: properties,
            replacement: replacement, dataAtRisk: dataAtRisk)
    }

    /// The value of the resource's name property: a top-level create-only property whose key
    /// ends in `Name`, when it is a plain string.
    private static func name(of type: String, _ resource: YAMLValue?) -> String? {
        guard case .map(let properties)? = resource?["Properties"] else { return nil }
        let createOnly = Set(CreateOnlyProperties.always[type] ?? [])
        for entry in properties where entry.key.hasSuffix("Name") && createOnly.contains(entry.key) {
            if case .string(let name) = entry.value { return name }
        }
        return nil
    }

    /// True when a change at `path` touches one of the create-only properties (a change of
    /// the property itself, inside it, or of an object holding it).
    private static func forces(_ path: String, _ createOnly: [String]?) -> Bool {
        guard let createOnly, path.hasPrefix("Properties.") else { return false }
        let property = path.dropFirst("Properties.".count)
        return createOnly.contains { fixed in
            property == fixed || property.hasPrefix(fixed + ".") || fixed.hasPrefix(property + ".")
        }
    }

    /// The leaves that differ between two values. Maps compare key by key; lists of the same
    /// length item by item; anything else (or lists that grew or shrank) as a whole.
    static func differences(_ old: YAMLValue?, _ new: YAMLValue?, path: String) -> [PropertyChange] {
        if old == new { return [] }
        let join = { (key: String) in path.isEmpty ? key : "\(path).\(key)" }
        switch (old, new) {
        case (.map(let before)?, .map(let after)?):
            var found: [PropertyChange] = []
            let afterKeys = Set(after.map(\.key))
            for entry in after {
                found += differences(before.first { $0.key == entry.key }?.value, entry.value, path: join(entry.key))
            }
            for entry in before where !afterKeys.contains(entry.key) {
                found.append(PropertyChange(path: join(entry.key), old: entry.value, new: nil))
            }
            return found
        case (.list(let before)?, .list(let after)?) where before.count == after.count:
            return zip(before, after).enumerated().flatMap { index, pair in
                differences(pair.0, pair.1, path: join(String(index)))
            }
        case (.list(let before)?, .list(let after)?) where (before + after).contains(where: \.isCollection):
            // Items kept at the start and the end are the same; the ones between were
            // removed (at their old index) or added (at their new index).
            let common = zip(before, after).prefix { $0 == $1 }.count
            let limit = min(before.count, after.count) - common
            let trailing = zip(before.reversed(), after.reversed()).prefix(limit).prefix { $0 == $1 }.count
            let removed = before[common..<(before.count - trailing)].enumerated().map {
                PropertyChange(path: join(String(common + $0.offset)), old: $0.element, new: nil)
            }
            let added = after[common..<(after.count - trailing)].enumerated().map {
                PropertyChange(path: join(String(common + $0.offset)), old: nil, new: $0.element)
            }
            return removed + added
        default:
            return [PropertyChange(path: path, old: old, new: new)]
        }
    }
}

extension YAMLValue {
    /// True for a map or a list.
    var isCollection: Bool {
        switch self {
        case .map, .list: return true
        default: return false
        }
    }
}
