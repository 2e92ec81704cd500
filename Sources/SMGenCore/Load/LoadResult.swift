import Foundation
import SMGenYAML

/// The outcome of loading a config: the config when it has no errors, and every
/// diagnostic (errors and warnings) sorted by position.
public struct LoadResult: Sendable {
    public let config: Config?
    public let diagnostics: [Diagnostic]
    /// How many diagnostics there were beyond the ones kept (`DiagnosticSink.limit`).
    public var omitted = 0

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
