import ArgumentParser
import Foundation
import SMGenCore

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render CloudFormation stacks, policies, README and manifest into <output>/<env>/.",
        discussion:
            "Writes a complete new tree, then swaps it in; on any error the previous output stays as it was. With --check, writes nothing and exits 1 when files would change."
    )
    @OptionGroup var options: ConfigOption
    @Option(name: [.short, .long], help: "The output folder.")
    var output = "output"
    @Option(name: .customLong("env"), help: "Render only this environment.")
    var environment: String?
    @Flag(help: "Exit 1 and list the files that would change, without writing.")
    var check = false

    func run() throws {
        try finish(
            RenderCommand.run(configPath: options.config, output: output, environment: environment, check: check))
    }
}
