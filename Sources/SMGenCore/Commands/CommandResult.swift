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
    static func invalid(_ diagnostics: [Diagnostic]) -> CommandResult {
        CommandResult(stderr: diagnostics.map { "\($0)\n" }.joined(), exitCode: invalid)
    }
}
