import ArgumentParser
import Foundation
import SMGenCore

extension ListCommand.Subject: ExpressibleByArgument {}

extension ListCommand.Format: ExpressibleByArgument {}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the users, projects or teams of the config.")
    @Argument(help: "What to list: users, projects or teams.")
    var subject: ListCommand.Subject
    @OptionGroup var options: ConfigOption
    @Option(help: "Output format: text or json.")
    var format: ListCommand.Format = .text

    func run() throws {
        try finish(ListCommand.run(subject, configPath: options.config, format: format))
    }
}
