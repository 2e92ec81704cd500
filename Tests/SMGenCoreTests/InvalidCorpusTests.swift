import Foundation
import Testing

@testable import SMGenCore

/// Every broken config under Fixtures/invalid gives exactly the diagnostics in its
/// `.expected` file (FILE:LINE:COLUMN, severity, message), and no config.
@Suite("Invalid config corpus")
struct InvalidCorpusTests {
    static let cases = RepoPaths.files(in: RepoPaths.fixtures.appendingPathComponent("invalid"), withExtension: "yaml")

    @Test func theCorpusIsLarge() {
        #expect(Self.cases.count >= 25)
    }

    @Test(arguments: cases)
    func producesItsExpectedDiagnostics(_ url: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: url))
        let result = ConfigLoader.load(bytes: bytes, file: url.lastPathComponent)
        #expect(result.config == nil)
        #expect(result.hasErrors)
        let text = result.diagnostics.map { "\($0)\n" }.joined()
        try Golden.compare(text, to: url.deletingPathExtension().appendingPathExtension("expected"))
    }
}
