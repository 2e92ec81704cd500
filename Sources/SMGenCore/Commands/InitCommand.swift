import Foundation

/// `smgen init`: writes the commented starter config; never overwrites a file.
public enum InitCommand {
    /// The starter config (templates/init.yaml).
    public static var starterConfig: String { EmbeddedTemplates.files["init.yaml"] ?? "" }

    public static func run(configPath: String) -> CommandResult {
        // O_EXCL: the check for an existing file and the creation are one step.
        let descriptor = open(configPath, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            let reason =
                errno == EEXIST
                ? "the file already exists; smgen init never overwrites a file"
                : "cannot create the file: \(PosixFiles.reason(errno))"
            return CommandResult(stderr: "\(configPath): error: \(reason)\n", exitCode: CommandResult.invalid)
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        handle.write(Data(starterConfig.utf8))
        return CommandResult(stdout: "wrote \(configPath); edit it, then run: smgen validate -c \(configPath)\n")
    }
}
