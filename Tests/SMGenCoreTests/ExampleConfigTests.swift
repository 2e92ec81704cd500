import Foundation
import Testing

@testable import SMGenCore

@Suite("Example configs")
struct ExampleConfigTests {
    static let configs = RepoPaths.files(in: RepoPaths.examples, withExtension: "yaml")

    @Test func thereAreExamples() {
        #expect(Self.configs.count >= 2)
    }

    @Test(arguments: configs)
    func validatesWithoutFindings(_ url: URL) {
        let result = ConfigLoader.load(path: url.path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.config != nil)
    }

    @Test func theStarterConfigValidates() {
        let result = ConfigLoader.load(bytes: Array(InitCommand.starterConfig.utf8), file: "init.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func theDesignOrgHasItsTeamsAndProjects() throws {
        let config = try #require(
            ConfigLoader.load(path: RepoPaths.examples.appendingPathComponent("design-org.yaml").path).config)
        #expect(config.teams.map(\.id) == ["rc", "algo"])
        #expect(
            config.teams.flatMap { $0.projects.map(\.id) } == [
                "fraud-detection", "anti-money-laundering", "recommendation-engine",
            ])
    }
}
