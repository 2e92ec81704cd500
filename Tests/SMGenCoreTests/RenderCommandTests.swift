import Foundation
import Testing
@testable import SMGenCore

@Suite("Render command")
struct RenderCommandTests {
    static let design = RepoPaths.examples.appendingPathComponent("design-org.yaml").path

    func scratch() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("smgen-render-\(UUID().uuidString)")
    }

    @Test func checkReportsStaleFilesAndWritesNothing() throws {
        let output = scratch()
        defer { try? FileManager.default.removeItem(at: output) }
        let missing = RenderCommand.run(configPath: Self.design, output: output.path, environment: nil, check: true)
        #expect(missing.exitCode == 1)
        #expect(missing.stdout.contains("would change: \(output.path)/dev/manifest.json"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(RenderCommand.run(configPath: Self.design, output: output.path, environment: nil, check: false).exitCode == 0)
        #expect(RenderCommand.run(configPath: Self.design, output: output.path, environment: nil, check: true).exitCode == 0)
        let readme = output.appendingPathComponent("dev/README.md")
        try "edited\n".write(to: readme, atomically: true, encoding: .utf8)
        let stale = RenderCommand.run(configPath: Self.design, output: output.path, environment: nil, check: true)
        #expect(stale.exitCode == 1)
        #expect(stale.stdout == "would change: \(output.path)/dev/README.md\n")
    }

    @Test func anInvalidConfigLeavesThePreviousOutputAlone() throws {
        let output = scratch()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(RenderCommand.run(configPath: Self.design, output: output.path, environment: nil, check: false).exitCode == 0)
        let before = OutputWriter.files(under: output)
        let broken = RepoPaths.fixtures.appendingPathComponent("invalid/region-typo.yaml").path
        let result = RenderCommand.run(configPath: broken, output: output.path, environment: nil, check: false)
        #expect(result.exitCode == 2)
        #expect(OutputWriter.files(under: output) == before)
        #expect(RenderCommand.run(configPath: Self.design, output: output.path, environment: nil, check: true).exitCode == 0)
    }

    @Test func refusesAFolderThatIsNotSmgenOutput() throws {
        let output = scratch()
        defer { try? FileManager.default.removeItem(at: output) }
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try "mine\n".write(to: output.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let result = RenderCommand.run(configPath: Self.design, output: output.path, environment: nil, check: false)
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("holds no smgen output"))
        #expect(OutputWriter.files(under: output) == ["notes.txt"])
    }

    @Test func refusesToRemoveFilesItDidNotGenerate() throws {
        let output = scratch()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(RenderCommand.run(configPath: Self.design, output: output.path, environment: nil, check: false).exitCode == 0)
        let foreign = output.appendingPathComponent("dev/stacks/hand-written.yaml")
        try "x: 1\n".write(to: foreign, atomically: true, encoding: .utf8)
        let result = RenderCommand.run(configPath: Self.design, output: output.path, environment: nil, check: false)
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("stacks/hand-written.yaml"))
        #expect(FileManager.default.fileExists(atPath: foreign.path))
    }

    @Test func oneEnvironmentOnly() throws {
        let output = scratch()
        defer { try? FileManager.default.removeItem(at: output) }
        let config = RepoPaths.fixtures.appendingPathComponent("render/two-environments/smgen.yaml").path
        #expect(RenderCommand.run(configPath: config, output: output.path, environment: "prod", check: false).exitCode == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).sorted() == ["prod"])
        let unknown = RenderCommand.run(configPath: config, output: output.path, environment: "qa", check: false)
        #expect(unknown.exitCode == 2)
        #expect(unknown.stderr.contains("no environment 'qa'"))
    }

    @Test func everyPolicyAndTheManifestAreValidJSONWithDigests() throws {
        let output = scratch()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(RenderCommand.run(configPath: Self.design, output: output.path, environment: nil, check: false).exitCode == 0)
        let environment = output.appendingPathComponent("dev")
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: environment.appendingPathComponent("manifest.json"))) as? [String: Any])
        let files = try #require(manifest["files"] as? [String: String])
        #expect(Set(files.keys).union(["manifest.json"]) == Set(OutputWriter.files(under: environment)))
        for (path, digest) in files {
            #expect(Renderer.sha256([UInt8](try Data(contentsOf: environment.appendingPathComponent(path)))) == digest, "\(path)")
            if path.hasSuffix(".json") {
                #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(contentsOf: environment.appendingPathComponent(path))) }
            }
        }
        let stacks = try #require(manifest["stacks"] as? [[String: Any]])
        var deployed = Set<String>()
        for stack in stacks {
            let name = try #require(stack["name"] as? String)
            for dependency in stack["depends_on"] as? [String] ?? [] { #expect(deployed.contains(dependency), "\(name) before \(dependency)") }
            deployed.insert(name)
        }
    }
}
