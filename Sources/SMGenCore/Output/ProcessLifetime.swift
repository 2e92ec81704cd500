import Foundation

/// Values kept until the process exits, never freed one by one. A 1,000-project plan is a
/// few million small allocations; freeing them node by node takes as long as rendering a
/// tenth of the org, while the process ends a moment later and the system takes back its
/// memory at once (compilers skip the same work: clang's `-disable-free`).
enum ProcessLifetime {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [Any] = []

    /// Keeps `value` alive until the process exits.
    static func keep(_ value: Any) {
        lock.withLock { kept.append(value) }
    }
}
