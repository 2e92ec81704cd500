import ArgumentParser
import Foundation
import SMGenCore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Write a commented starter smgen.yaml; never overwrites a file.")
    @OptionGroup var options: ConfigOption

    func run() throws {
        try finish(InitCommand.run(configPath: options.config))
    }
}
