import ArgumentParser
import Foundation
import SMGenCore

extension DiffCommand.Format: ExpressibleByArgument {}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare a fresh rendering with an existing output tree, resource by resource.",
        discussion:
            "Flags replacements (from CloudFormation's create-only properties), DATA AT RISK, and every IAM statement, security-group rule and membership added or removed. Exit 0 when nothing differs, 1 otherwise."
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
