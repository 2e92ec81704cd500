import SMGenYAML

/// Applies `overrides:` to the built templates, last, and checks each: against the plan (an
/// unknown stack) and against the template the build made (an unknown resource, a policy
/// document, or a path that cannot be set or removed), an error at the override's line.
enum Overrides {
    /// Properties that hold IAM policy documents. smgen writes these from the design and
    /// publishes each as `policies/*.json` for review; an override would make that copy wrong.
    static let policyProperties: Set<String> = [
        "PolicyDocument", "AssumeRolePolicyDocument", "Policies", "RepositoryPolicyText",
    ]

    /// Why an override cannot be applied.
    struct Problem: Error {
        let message: String
    }

    /// The overrides that apply to `environment`, in file order.
    static func applying(_ config: Config, environment: String) -> [Override] {
        config.overrides.filter { $0.environment == nil || $0.environment == environment }
    }

    /// The overrides of `environment`, by stack name, in file order.
    static func byStack(_ config: Config, environment: String) -> [String: [Override]] {
        Dictionary(grouping: applying(config, environment: environment), by: \.stack)
    }

    /// `template` (a whole stack) with `overrides` applied in order.
    static func apply(_ overrides: [Override], to template: YAMLValue) throws(Problem) -> YAMLValue {
        var result = template
        for override in overrides {
            result = try edit(
                result, ["Resources", override.resource] + override.path, override.action, shown: override.path)
        }
        return result
    }

    /// Every override of the plan's environment that names a stack the plan does not have.
    static func checkStacks(_ config: Config, _ plan: EnvironmentPlan) -> [Diagnostic] {
        let environment = plan.environment.name
        let applicable = applying(config, environment: environment)
        if applicable.isEmpty { return [] }
        let stacks = Set(plan.stacks.map(\.name))
        return applicable.filter { !stacks.contains($0.stack) }.map { override in
            let hint =
                Suggestion.closest(to: override.stack, among: Array(stacks)).map { "; did you mean '\($0)'?" }
                ?? "; stacks are listed in <output>/\(environment)/README.md"
            return Diagnostic(
                .error, file: config.file, mark: override.stackMark,
                message: "\(override.label).stack: no stack '\(override.stack)' in environment \(environment)\(hint)")
        }
    }

    /// IAM properties that grant access (a group's, role's or user's managed policies, a
    /// policy's holders, a user's groups): the design's access, counted against IAM's limits
    /// on what the build made.
    static let accessProperties: Set<String> = ["ManagedPolicyArns", "Groups", "Roles", "Users"]

    /// `stack`'s template with `overrides` (those naming it) applied in order, each to the
    /// result of the ones before it, and every one that names a missing resource, touches
    /// an IAM policy or grant, or cannot be applied there. The template is nil when any
    /// cannot apply.
    static func applied(_ overrides: [Override], to stack: BuiltStack, file: String) -> (
        template: YAMLValue?, problems: [Diagnostic]
    ) {
        var found: [Diagnostic] = []
        let template = stack.template
        var result = template.value
        for override in overrides {
            let report = { (mark: Mark, message: String) in
                found.append(Diagnostic(.error, file: file, mark: mark, message: message))
            }
            guard let resource = template.resources.first(where: { $0.logicalId == override.resource }) else {
                let ids = template.resources.map(\.logicalId)
                let hint = Suggestion.closest(to: override.resource, among: ids).map { "did you mean '\($0)'? " } ?? ""
                report(
                    override.resourceMark,
                    "\(override.label).resource: stack \(override.stack) has no resource '\(override.resource)'; \(hint)it has: \(ids.joined(separator: ", "))"
                )
                continue
            }
            if override.path.count > 1, override.path[0] == "Properties", policyProperties.contains(override.path[1]) {
                report(
                    override.pathMark,
                    "\(override.label).path: \(override.path.prefix(2).joined(separator: ".")) of \(resource.type) is an IAM policy smgen writes from the design (and publishes in policies/ for review); it cannot be overridden"
                )
                continue
            }
            if override.path.count > 1, override.path[0] == "Properties", resource.type.hasPrefix("AWS::IAM::"),
                accessProperties.contains(override.path[1])
            {
                report(
                    override.pathMark,
                    "\(override.label).path: \(override.path.prefix(2).joined(separator: ".")) of \(resource.type) is IAM access smgen grants from the design (and checks against IAM's limits); it cannot be overridden"
                )
                continue
            }
            do {
                result = try apply([override], to: result)
            } catch {
                report(
                    override.pathMark,
                    "\(override.label).path: \(error.message) in \(override.stack)/\(override.resource)")
            }
        }
        return (found.isEmpty ? result : nil, found)
    }

    /// `value` with the node at `path` set or removed; maps missing on the way are created
    /// when setting.
    private static func edit(
        _ value: YAMLValue?, _ path: ArraySlice<String>, _ action: Override.Action, shown: [String]
    ) throws(Problem) -> YAMLValue {
        let key = path.first!
        let rest = path.dropFirst()
        let here = shown.prefix(max(0, shown.count - rest.count)).joined(separator: ".")
        switch value {
        case .map(var entries)?:
            let index = entries.firstIndex { $0.key == key }
            if rest.isEmpty {
                switch action {
                case .set(let new):
                    if let index { entries[index] = YAMLEntry(key, new) } else { entries.append(YAMLEntry(key, new)) }
                case .delete:
                    guard let index else { throw Problem(message: "there is no \(here) to delete") }
                    entries.remove(at: index)
                }
                return .map(entries)
            }
            if index == nil, case .delete = action { throw Problem(message: "there is no \(here) to delete from") }
            let child = try edit(index.map { entries[$0].value } ?? .map([]), rest, action, shown: shown)
            if let index { entries[index] = YAMLEntry(key, child) } else { entries.append(YAMLEntry(key, child)) }
            return .map(entries)
        case .list(var items)?:
            guard let position = Int(key), position >= 0 else {
                throw Problem(message: "\(here) is a list item: use its index (0, 1, ...)")
            }
            if rest.isEmpty {
                switch action {
                case .set(let new):
                    guard position <= items.count else {
                        throw Problem(
                            message:
                                "the list has \(items.count) items; \(here) can replace one or append (index \(items.count))"
                        )
                    }
                    if position == items.count { items.append(new) } else { items[position] = new }
                case .delete:
                    guard position < items.count else {
                        throw Problem(message: "there is no \(here) to delete (the list has \(items.count) items)")
                    }
                    items.remove(at: position)
                }
                return .list(items)
            }
            guard position < items.count else {
                throw Problem(message: "the list has \(items.count) items, so no \(here)")
            }
            items[position] = try edit(items[position], rest, action, shown: shown)
            return .list(items)
        default:
            let parent = shown.prefix(max(0, shown.count - path.count)).joined(separator: ".")
            throw Problem(
                message: "\(parent.isEmpty ? "the resource" : parent) is a single value, not a mapping or a list")
        }
    }
}
