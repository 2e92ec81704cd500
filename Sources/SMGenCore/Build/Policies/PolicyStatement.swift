import SMGenYAML

/// One IAM policy statement. Actions are written sorted and unique; resources are plain
/// strings or `!Sub` values (see `ARN`).
public struct PolicyStatement: Sendable {
    public var sid: String
    public var allow: Bool
    public var actions: [String]
    /// True for `NotAction` (used by the MFA policy's deny).
    public var notAction: Bool
    public var principal: YAMLValue?
    public var resources: [YAMLValue]
    /// Condition operators in order, each with its keys in order.
    public var conditions: [YAMLEntry]

    public init(
        _ sid: String, allow: Bool = true, actions: [String], notAction: Bool = false, principal: YAMLValue? = nil,
        resources: [YAMLValue], conditions: [YAMLEntry] = []
    ) {
        self.sid = sid
        self.allow = allow
        self.actions = actions
        self.notAction = notAction
        self.principal = principal
        self.resources = resources
        self.conditions = conditions
    }

    var value: YAMLValue {
        var entries: [YAMLEntry] = [YAMLEntry("Sid", .string(sid)), YAMLEntry("Effect", allow ? "Allow" : "Deny")]
        if let principal { entries.append(YAMLEntry("Principal", principal)) }
        var sorted = actions.sorted()
        sorted.removeDuplicates()
        entries.append(
            YAMLEntry(notAction ? "NotAction" : "Action", sorted.count == 1 ? .string(sorted[0]) : .strings(sorted)))
        entries.append(YAMLEntry("Resource", resources.count == 1 ? resources[0] : .list(resources)))
        if !conditions.isEmpty { entries.append(YAMLEntry("Condition", .map(conditions))) }
        return .map(entries)
    }
}

extension [String] {
    /// Removes each element equal to the one before it (of a sorted array: every duplicate).
    fileprivate mutating func removeDuplicates() {
        guard count > 1 else { return }
        var kept = 1
        for index in 1..<count where self[index] != self[kept - 1] {
            self[kept] = self[index]
            kept += 1
        }
        removeLast(count - kept)
    }
}
