import Foundation
import SMGenYAML

/// The outcome of loading a config: the config when it has no errors, and every
/// diagnostic (errors and warnings) sorted by position.
public struct LoadResult: Sendable {
    public let config: Config?
    public let diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
