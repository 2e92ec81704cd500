import Foundation
import SMGenYAML
import Testing

@testable import SMGenCore

/// Each case under Fixtures/diff is a changed `smgen.yaml`, compared with the rendering of
/// `Fixtures/diff/base.yaml`; `expected.txt`, `expected.md` and `expected.json` hold what
/// `smgen diff` prints in each format, and the exit code. `SMGEN_RECORD=1` re-records.
@Suite("Diff golden cases")
struct DiffGoldenTests {
    static let root = RepoPaths.fixtures.appendingPathComponent("diff")
    static let cases = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter {
        !$0.hasSuffix(".yaml")
    }.sorted()

    /// The base config rendered, as a user would have it committed: `<scratch>/output/`.
    static func renderedBase() throws -> URL {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "smgen-diff-base-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let config = scratch.appendingPathComponent("smgen.yaml")
        try FileManager.default.copyItem(at: root.appendingPathComponent("base.yaml"), to: config)
        let result = RenderCommand.run(
            configPath: config.path, output: scratch.appendingPathComponent("output").path, environment: nil,
            check: false)
        #expect(result.exitCode == 0, "\(result.stderr)")
        return scratch
    }

    @Test(arguments: cases)
    func printsItsExpectedDiff(_ name: String) throws {
        let base = try Self.renderedBase()
        defer { try? FileManager.default.removeItem(at: base) }
        let config = base.appendingPathComponent("smgen.yaml")
        try FileManager.default.removeItem(at: config)
        try FileManager.default.copyItem(
            at: Self.root.appendingPathComponent(name).appendingPathComponent("smgen.yaml"), to: config)
        for (format, file) in [
            (DiffCommand.Format.text, "expected.txt"), (.markdown, "expected.md"), (.json, "expected.json"),
        ] {
            let result = DiffCommand.run(
                configPath: config.path, against: base.appendingPathComponent("output").path, format: format)
            #expect(result.stderr.isEmpty, "\(result.stderr)")
            let recorded = result.stdout + "[exit \(result.exitCode)]\n"
            try Golden.compare(recorded, to: Self.root.appendingPathComponent(name).appendingPathComponent(file))
        }
    }

    @Test func anUnchangedConfigDiffsToNothingAndExitsZero() throws {
        let base = try Self.renderedBase()
        defer { try? FileManager.default.removeItem(at: base) }
        let result = DiffCommand.run(
            configPath: base.appendingPathComponent("smgen.yaml").path,
            against: base.appendingPathComponent("output").path, format: .text)
        #expect(result.exitCode == 0)
        #expect(result.stdout == "dev: no changes\n\n")
    }

    @Test func anInvalidConfigExitsTwoWithItsDiagnostics() throws {
        let base = try Self.renderedBase()
        defer { try? FileManager.default.removeItem(at: base) }
        let config = base.appendingPathComponent("smgen.yaml")
        try "version: 1\norg: {company: shop}\nbogus: 1\n".write(to: config, atomically: true, encoding: .utf8)
        let result = DiffCommand.run(
            configPath: config.path, against: base.appendingPathComponent("output").path, format: .markdown)
        #expect(result.exitCode == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("smgen.yaml:3:1: error:"))
    }

    @Test func nothingRenderedYetMeansEverythingIsAdded() throws {
        let base = try Self.renderedBase()
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.createDirectory(
            at: base.appendingPathComponent("elsewhere"), withIntermediateDirectories: false)
        let result = DiffCommand.run(
            configPath: base.appendingPathComponent("smgen.yaml").path,
            against: base.appendingPathComponent("elsewhere").path, format: .json)
        #expect(result.exitCode == 1)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let environment = (json?["environments"] as? [[String: Any]])?.first
        let stacks = environment?["stacks"] as? [[String: Any]] ?? []
        #expect(!stacks.isEmpty && stacks.allSatisfy { $0["change"] as? String == "added" })
    }

    @Test func aFolderThatIsNotAnOutputIsAnErrorNotADiff() throws {
        let base = try Self.renderedBase()
        defer { try? FileManager.default.removeItem(at: base) }
        let config = base.appendingPathComponent("smgen.yaml").path
        let missing = DiffCommand.run(
            configPath: config, against: base.appendingPathComponent("ouptut").path, format: .text)
        #expect(missing.exitCode == 2)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr.hasSuffix("ouptut: no such file or folder\n"))
        let other = DiffCommand.run(
            configPath: config, against: RepoPaths.root.appendingPathComponent("docs").path, format: .text)
        #expect(other.exitCode == 2)
        #expect(other.stderr.contains("holds no smgen output"))
    }
}
