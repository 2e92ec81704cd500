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
