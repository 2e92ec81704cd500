import ArgumentParser
import Foundation
import SMGenCore

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check smgen.yaml and report every problem (exit 0 when valid, 2 otherwise)."
    )
    @OptionGroup var options: ConfigOption

    func run() throws {
        try finish(ValidateCommand.run(configPath: options.config))
    }
}
