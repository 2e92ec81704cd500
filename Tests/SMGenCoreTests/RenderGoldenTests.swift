import Foundation
import Testing

@testable import SMGenCore

/// Each case under Fixtures/render is a `smgen.yaml` plus the whole output tree it must
/// render to (`expected/`). `SMGEN_RECORD=1` re-records the trees.
@Suite("Render golden trees")
struct RenderGoldenTests {
    static let root = RepoPaths.fixtures.appendingPathComponent("render")
    static let cases = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted()

    @Test(arguments: cases)
    func rendersItsExpectedTree(_ name: String) throws {
        let directory = Self.root.appendingPathComponent(name)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("smgen-golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = RenderCommand.run(
            configPath: directory.appendingPathComponent("smgen.yaml").path, output: scratch.path, environment: nil,
            check: false)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let expected = directory.appendingPathComponent("expected")
        if Golden.recording {
            try? FileManager.default.removeItem(at: expected)
            try FileManager.default.copyItem(at: scratch, to: expected)
            Issue.record("Recorded new baseline: \(expected.path)")
            return
        }
        let diff = Golden.treeDiff(expected: expected, actual: scratch)
        #expect(
            diff.isEmpty,
            "\(name): rendered tree differs from expected/ (run with SMGEN_RECORD=1 to re-record):\n\(diff)")
    }

    @Test func renderingTwiceGivesTheSameBytes() throws {
        let config = RepoPaths.examples.appendingPathComponent("design-org.yaml").path
        let first = FileManager.default.temporaryDirectory.appendingPathComponent("smgen-twice-\(UUID().uuidString)")
        let second = FileManager.default.temporaryDirectory.appendingPathComponent("smgen-twice-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        #expect(RenderCommand.run(configPath: config, output: first.path, environment: nil, check: false).exitCode == 0)
        #expect(
            RenderCommand.run(configPath: config, output: second.path, environment: nil, check: false).exitCode == 0)
        #expect(Golden.treeDiff(expected: first, actual: second).isEmpty)
    }

    @Test func theCommittedOutputIsTheRenderingOfTheExample() {
        let result = RenderCommand.run(
            configPath: RepoPaths.examples.appendingPathComponent("design-org.yaml").path,
            output: RepoPaths.root.appendingPathComponent("output").path, environment: nil, check: true)
        #expect(
            result.exitCode == 0,
            "output/ is stale; run: swift run smgen render -c examples/design-org.yaml\n\(result.stdout)")
    }
}

extension Golden {
    /// `git diff --no-index` of two trees (empty when they are the same).
    static func treeDiff(expected: URL, actual: URL) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "diff", "--no-index", "--no-color", expected.path, actual.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return "cannot run git diff: \(error)" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
