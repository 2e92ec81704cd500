import ArgumentParser
import Foundation
import SMGenCore

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema", abstract: "Print the JSON Schema of smgen.yaml, for editors.")

    func run() throws {
        try finish(ConfigSchema.run())
    }
}
