import Foundation
import SMGenYAML

/// The packed parts of managed policies, by policy name: a stack and the standalone policy
/// files need the same parts, computed once. Each part of the plan packs its own policies in a
/// cache of its own (`PlatformContext.withOwnPolicyCache`); the plan's context keeps one for
/// the rest. The lock keeps a cache safe on whichever thread its context is handed to.
final class PolicyPartsCache: @unchecked Sendable {
    private let lock = NSLock()
    private var known: [String: [ManagedPolicies.Part]] = [:]

    /// The parts cached under `name`, computed by `compute` the first time.
    func parts(_ name: String, _ compute: () -> [ManagedPolicies.Part]) -> [ManagedPolicies.Part] {
        if let found = lock.withLock({ known[name] }) { return found }
        let computed = compute()
        lock.withLock { known[name] = computed }
        return computed
    }
}
