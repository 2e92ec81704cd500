/// What a command prints and how it exits; the executable only writes these out, so every
/// command can be tested without starting a process.
public struct CommandResult: Sendable, Equatable {
    public var stdout: String
    public var stderr: String
    public var exitCode: Int32

    public init(stdout: String = "", stderr: String = "", exitCode: Int32 = 0) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitCode = exitCode
    }

    /// Exit codes of the command-line contract.
    public static let success: Int32 = 0
    public static let differences: Int32 = 1
    public static let invalid: Int32 = 2

    /// The result of a config that failed to load: its diagnostics and exit code 2.
    /// The diagnostics printed, no more than `shown` of them (the errors, when there are
    /// more): the rest (and the `omitted` ones no sink kept) are counted in one line.
    static func invalid(_ diagnostics: [Diagnostic], omitted: Int = 0) -> CommandResult {
        let printed =
            diagnostics.count <= shown ? diagnostics : Array(diagnostics.filter { $0.severity == .error }.prefix(shown))
        var text = printed.map { "\($0)\n" }.joined()
        let more = diagnostics.count - printed.count + omitted
        if more > 0 {
            text += "error: \(more) more problem\(more == 1 ? "" : "s") not shown; fix the ones above first\n"
        }
        return CommandResult(stderr: text, exitCode: invalid)
    }

    /// The most diagnostics printed.
    static let shown = 100
}
