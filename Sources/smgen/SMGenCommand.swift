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
        abstract: "Generates CloudFormation, IAM policies and scripts for a multi-team SageMaker platform from smgen.yaml.",
        version: SMGenVersion.current,
        subcommands: [Render.self, Validate.self, Diff.self, List.self, Graph.self, Schema.self, Init.self]
    )

    static func main() {
        Allocator.configure()
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

/// Writes a command's output and exits with its code.
func finish(_ result: CommandResult) throws {
    FileHandle.standardOutput.write(Data(result.stdout.utf8))
    FileHandle.standardError.write(Data(result.stderr.utf8))
    if result.exitCode != 0 { throw ExitCode(result.exitCode) }
}

/// The `-c/--config` option shared by the subcommands.
struct ConfigOption: ParsableArguments {
    @Option(name: [.short, .customLong("config")], help: "The config file.")
    var config = "smgen.yaml"
}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render CloudFormation stacks, policies, README and manifest into <output>/<env>/.",
        discussion: "Writes a complete new tree, then swaps it in; on any error the previous output stays as it was. With --check, writes nothing and exits 1 when files would change."
    )
    @OptionGroup var options: ConfigOption
    @Option(name: [.short, .long], help: "The output folder.")
    var output = "output"
    @Option(name: .customLong("env"), help: "Render only this environment.")
    var environment: String?
    @Flag(help: "Exit 1 and list the files that would change, without writing.")
    var check = false

    func run() throws {
        try finish(RenderCommand.run(configPath: options.config, output: output, environment: environment, check: check))
    }
}

extension DiffCommand.Format: ExpressibleByArgument {}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare a fresh rendering with an existing output tree, resource by resource.",
        discussion: "Flags replacements (from CloudFormation's create-only properties), DATA AT RISK, and every IAM statement, security-group rule and membership added or removed. Exit 0 when nothing differs, 1 otherwise."
    )
    @OptionGroup var options: ConfigOption
    @Option(help: "The output tree to compare with.")
    var against = "output"
    @Option(help: "text, markdown (for a pull-request comment) or json.")
    var format: DiffCommand.Format = .text

    func run() throws {
        try finish(DiffCommand.run(configPath: options.config, against: against, format: format))
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "Check smgen.yaml and report every problem (exit 0 when valid, 2 otherwise).")
    @OptionGroup var options: ConfigOption

    func run() throws {
        try finish(ValidateCommand.run(configPath: options.config))
    }
}

extension ListCommand.Subject: ExpressibleByArgument {}
extension ListCommand.Format: ExpressibleByArgument {}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the users, projects or teams of the config.")
    @Argument(help: "What to list: users, projects or teams.")
    var subject: ListCommand.Subject
    @OptionGroup var options: ConfigOption
    @Option(help: "Output format: text or json.")
    var format: ListCommand.Format = .text

    func run() throws {
        try finish(ListCommand.run(subject, configPath: options.config, format: format))
    }
}

extension GraphCommand.Format: ExpressibleByArgument {}

struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "graph", abstract: "Print the stacks and their dependencies as a Mermaid or DOT graph.")
    @OptionGroup var options: ConfigOption
    @Option(name: .customLong("env"), help: "The environment (default: the first).")
    var environment: String?
    @Option(help: "mermaid or dot.")
    var format: GraphCommand.Format = .mermaid
    @Flag(help: "Show the resources of each stack too.")
    var resources = false

    func run() throws {
        try finish(GraphCommand.run(configPath: options.config, environment: environment, format: format, resources: resources))
    }
}

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "schema", abstract: "Print the JSON Schema of smgen.yaml, for editors.")

    func run() throws {
        try finish(ConfigSchema.run())
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Write a commented starter smgen.yaml; never overwrites a file.")
    @OptionGroup var options: ConfigOption

    func run() throws {
        try finish(InitCommand.run(configPath: options.config))
    }
}
