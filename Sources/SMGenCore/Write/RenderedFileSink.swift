import Foundation

/// Takes each rendered file as soon as it is made, from several threads at once: `render`
/// writes them straight into the staging tree (so files are written while others are still
/// being rendered, and no copy of the output waits in memory), `render --check` and `diff`
/// keep them in memory.
protocol RenderedFileSink: Sendable {
    /// Takes the file at `path` (relative to the environment's folder).
    func accept(_ path: String, _ bytes: [UInt8]) throws
    /// Whether the files are kept (written or held): only then is each one hashed for the manifest.
    var keepsFiles: Bool { get }
}

extension RenderedFileSink {
    var keepsFiles: Bool { true }
}
