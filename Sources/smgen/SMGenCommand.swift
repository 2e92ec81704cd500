import ArgumentParser
import Foundation
import SMGenCore

/// The `smgen` command line: parses arguments, calls SMGenCore, prints, exits. Every command
/// names itself (`commandName`): otherwise the parser derives each name from the type's name
/// at run time, a dynamic cast that scans every protocol conformance of the binary (half a
/// millisecond of each run, measured).
/// Exit codes: 0 success, 1 differences found, 2 invalid config or usage.
@main
struct SMGenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smgen",
        abstract:
            "Generates CloudFormation, IAM policies and scripts for a multi-team SageMaker platform from smgen.yaml.",
        version: SMGenVersion.current,
        subcommands: [Render.self, Validate.self, Diff.self, List.self, Graph.self, Schema.self, Init.self]
    )

    static func main() {
        Allocator.configure()
        Interrupts.handle()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(CommandResult.invalid)
        }
    }
}
