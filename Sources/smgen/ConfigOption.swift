import ArgumentParser
import Foundation
import SMGenCore

/// Writes a command's output and exits with its code.
func finish(_ result: CommandResult) throws {
    FileHandle.standardOutput.write(Data(result.stdout.utf8))
    FileHandle.standardError.write(Data(result.stderr.utf8))
    if result.exitCode != 0 { throw ExitCode(result.exitCode) }
}

/// The `-c/--config` option shared by the subcommands.
struct ConfigOption: ParsableArguments {
    @Option(name: [.short, .customLong("config")], help: "The config file (- for standard input).")
    var config = "smgen.yaml"
}
