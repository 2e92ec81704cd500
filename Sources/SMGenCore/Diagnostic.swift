import SMGenYAML

/// A finding about the config, printed the way compilers print them:
/// `FILE:LINE:COLUMN: error: MESSAGE`.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error, warning
    }

    public let severity: Severity
    public let file: String
    public let mark: Mark
    public let message: String

    public init(_ severity: Severity, file: String, mark: Mark, message: String) {
        self.severity = severity
        self.file = file
        self.mark = mark
        self.message = message
    }

    public var description: String {
        "\(file):\(mark.line):\(mark.column): \(severity.rawValue): \(message)"
    }
}

/// Collects diagnostics for one file while it is read and checked.
struct DiagnosticSink {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    mutating func error(_ mark: Mark, _ message: String) {
        diagnostics.append(Diagnostic(.error, file: file, mark: mark, message: message))
    }

    mutating func warning(_ mark: Mark, _ message: String) {
        diagnostics.append(Diagnostic(.warning, file: file, mark: mark, message: message))
    }

    /// Adds `other`'s diagnostics after these.
    mutating func append(_ other: DiagnosticSink) {
        diagnostics += other.diagnostics
    }

    /// The diagnostics sorted by position (stable for equal positions), without repeats.
    var sorted: [Diagnostic] {
        var seen = Set<String>()
        return diagnostics.enumerated()
            .sorted { ($0.element.mark, $0.offset) < ($1.element.mark, $1.offset) }
            .map(\.element)
            .filter { seen.insert($0.description).inserted }
    }
}
