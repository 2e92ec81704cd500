import SMGenYAML

/// A finding about the config, printed the way compilers print them:
/// `FILE:LINE:COLUMN: error: MESSAGE`, on one line: control characters in the file name or
/// the message (which quotes the config) are printed escaped, never raw to the terminal.
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
        "\(Self.escaped(file)):\(mark.line):\(mark.column): \(severity.rawValue): \(Self.escaped(message))"
    }

    /// `text` with its control characters (C0, DEL, C1) written as escapes: `\n`, `\t`,
    /// `\r`, else `\u{1b}`.
    static func escaped(_ text: String) -> String {
        func isControl(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
        }
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if isControl(scalar) {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
