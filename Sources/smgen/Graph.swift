import ArgumentParser
import Foundation
import SMGenCore

extension GraphCommand.Format: ExpressibleByArgument {}

struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph", abstract: "Print the stacks and their dependencies as a Mermaid or DOT graph.")
    @OptionGroup var options: ConfigOption
    @Option(name: .customLong("env"), help: "The environment (default: the first).")
    var environment: String?
    @Option(help: "mermaid or dot.")
    var format: GraphCommand.Format = .mermaid
    @Flag(help: "Show the resources of each stack too.")
    var resources = false

    func run() throws {
        try finish(
            GraphCommand.run(configPath: options.config, environment: environment, format: format, resources: resources)
        )
    }
}
