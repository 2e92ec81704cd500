import Foundation

/// The stagings of this process that are alive, for `OutputWriter.abandonAll`.
final class LiveStagings: @unchecked Sendable {
    static let shared = LiveStagings()
    private let lock = NSLock()
    /// Held weakly: a staging leaves when it is released.
    private struct Entry {
        weak var staging: OutputWriter.Staging?
    }
    private var stagings: [ObjectIdentifier: Entry] = [:]

    var all: [OutputWriter.Staging] { lock.withLock { stagings.values.compactMap(\.staging) } }

    func add(_ staging: OutputWriter.Staging) {
        lock.withLock { stagings[ObjectIdentifier(staging)] = Entry(staging: staging) }
    }

    func remove(_ staging: OutputWriter.Staging) {
        lock.withLock { _ = stagings.removeValue(forKey: ObjectIdentifier(staging)) }
    }
}
