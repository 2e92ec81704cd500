import Foundation

/// Keeps every file in memory, as a `RenderedTree`.
final class MemorySink: RenderedFileSink, @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: [UInt8]] = [:]

    func accept(_ path: String, _ bytes: [UInt8]) {
        lock.withLock { files[path] = bytes }
    }

    var tree: RenderedTree { lock.withLock { RenderedTree(files: files) } }
}
