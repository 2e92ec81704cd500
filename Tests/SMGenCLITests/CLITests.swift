import Foundation
import Testing

/// Runs the built `smgen` binary as a user would: exit codes, stdout, stderr, files.
struct SMGen {
    /// The binary beside the test bundle (SwiftPM builds it for this test target), or `SMGEN_BIN`.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["SMGEN_BIN"] { return URL(fileURLWithPath: path) }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("smgen")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/smgen")
    }()

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct Output {
        let stdout: String
        let stderr: String
        let status: Int32
        let seconds: Double
    }

    static func run(_ arguments: [String], in directory: URL = root) throws -> Output {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let start = Date()
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
            status: process.terminationStatus, seconds: Date().timeIntervalSince(start))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("smgen-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

@Suite("Command line")
struct CLITests {
    @Test func validateAcceptsTheExamples() throws {
        for example in ["examples/design-org.yaml", "examples/minimal.yaml"] {
            let output = try SMGen.run(["validate", "-c", example])
            #expect(output.status == 0, "\(output.stderr)")
            #expect(output.stdout.hasPrefix("\(example): ok ("))
            #expect(output.stderr.isEmpty)
        }
    }

    @Test func everyCorpusCaseExitsTwoQuicklyWithItsDiagnosticsAndWritesNothing() throws {
        let corpus = SMGen.root.appendingPathComponent("Tests/SMGenCoreTests/Fixtures/invalid")
        let cases = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".yaml") }
            .sorted()
        let workspace = try SMGen.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: workspace) }
        for name in cases {
            try FileManager.default.copyItem(
                at: corpus.appendingPathComponent(name), to: workspace.appendingPathComponent(name))
            let output = try SMGen.run(["validate", "-c", name], in: workspace)
            let expected = try String(
                contentsOf: corpus.appendingPathComponent(name.replacingOccurrences(of: ".yaml", with: ".expected")),
                encoding: .utf8)
            #expect(output.status == 2, "\(name)")
            #expect(output.stderr == expected, "\(name)")
            #expect(output.stdout.isEmpty, "\(name)")
            #expect(output.seconds < 1.0, "\(name) took \(output.seconds) s")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.path).count == cases.count)
    }

    @Test func missingConfigIsAnError() throws {
        let output = try SMGen.run(["validate", "-c", "no-such-file.yaml"])
        #expect(output.status == 2)
        #expect(output.stderr == "no-such-file.yaml:1:1: error: cannot read the config file\n")
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try SMGen.run(["frobnicate"]).status == 2)
        #expect(try SMGen.run(["list", "widgets"]).status == 2)
        #expect(try SMGen.run(["list", "users", "--format", "xml"]).status == 2)
    }

    @Test func versionAndHelp() throws {
        let version = try SMGen.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout == "0.1.0\n")
        let help = try SMGen.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("validate"))
    }

    @Test func listUsersAsTextAndJSON() throws {
        let text = try SMGen.run(["list", "users", "-c", "examples/design-org.yaml"])
        #expect(text.status == 0)
        #expect(
            text.stdout.hasPrefix(
                "USER   EMAIL               ADMIN  PROJECTS\nalice  alice@acme.example  no     rc/fraud-detection,rc/anti-money-laundering\n"
            ))
        let json = try SMGen.run(["list", "projects", "-c", "examples/design-org.yaml", "--format", "json"])
        #expect(json.status == 0)
        let projects = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(
            projects?.map { $0["bucket"] as? String } == [
                "acme-sm-rc-fraud-detection", "acme-sm-rc-anti-money-laundering", "acme-sm-algo-recommendation-engine",
            ])
        let teams = try SMGen.run(["list", "teams", "-c", "examples/design-org.yaml", "--format", "json"])
        let parsed = try JSONSerialization.jsonObject(with: Data(teams.stdout.utf8)) as? [[String: Any]]
        #expect(parsed?.map { $0["team"] as? String } == ["rc", "algo"])
    }

    @Test func listOnAnInvalidConfigExitsTwo() throws {
        let output = try SMGen.run(["list", "users", "-c", "Tests/SMGenCoreTests/Fixtures/invalid/region-typo.yaml"])
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
    }

    @Test func schemaIsJSON() throws {
        let output = try SMGen.run(["schema"])
        #expect(output.status == 0)
        let schema = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        #expect(schema?["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    }

    @Test func initWritesAValidStarterAndNeverOverwrites() throws {
        let workspace = try SMGen.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let first = try SMGen.run(["init"], in: workspace)
        #expect(first.status == 0)
        let written = try String(contentsOf: workspace.appendingPathComponent("smgen.yaml"), encoding: .utf8)
        #expect(written.hasPrefix("# smgen.yaml"))
        #expect(try SMGen.run(["validate"], in: workspace).status == 0)
        try "mine\n".write(to: workspace.appendingPathComponent("smgen.yaml"), atomically: true, encoding: .utf8)
        let second = try SMGen.run(["init"], in: workspace)
        #expect(second.status == 2)
        #expect(second.stderr.contains("never overwrites"))
        #expect(try String(contentsOf: workspace.appendingPathComponent("smgen.yaml"), encoding: .utf8) == "mine\n")
    }
}

@Suite("Command line: render")
struct RenderCLITests {
    @Test func renderWritesTheTreeAndCheckAgreesThenAnInvalidConfigWritesNothing() throws {
        let workspace = try SMGen.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let output = workspace.appendingPathComponent("out").path
        let render = try SMGen.run(["render", "-c", "examples/design-org.yaml", "-o", output])
        #expect(render.status == 0, "\(render.stderr)")
        #expect(render.stdout == "wrote \(output)/dev: 21 stacks, 19 policies (account 123456789012, ap-southeast-1)\n")
        #expect(try SMGen.run(["render", "-c", "examples/design-org.yaml", "-o", output, "--check"]).status == 0)
        let stale = try SMGen.run(["render", "-c", "examples/minimal.yaml", "-o", output, "--check"])
        #expect(stale.status == 1)
        #expect(stale.stdout.contains("would change: \(output)/dev/manifest.json"))

        let fresh = workspace.appendingPathComponent("never").path
        let broken = try SMGen.run([
            "render", "-c", "Tests/SMGenCoreTests/Fixtures/invalid/bad-cidrs.yaml", "-o", fresh,
        ])
        #expect(broken.status == 2)
        #expect(broken.stderr.hasPrefix("Tests/SMGenCoreTests/Fixtures/invalid/bad-cidrs.yaml:10:13: error:"))
        #expect(!FileManager.default.fileExists(atPath: fresh))
    }
}

@Suite("Command line: graph")
struct GraphCLITests {
    @Test func mermaidAndDotOfTheStacks() throws {
        let mermaid = try SMGen.run(["graph", "-c", "examples/minimal.yaml"])
        #expect(mermaid.status == 0)
        #expect(mermaid.stdout.hasPrefix("flowchart LR\n  tiny_sm_network[\"tiny-sm-network\"]\n"))
        #expect(mermaid.stdout.contains("  tiny_sm_project_ds_churn --> tiny_sm_people_ds_churn\n"))
        let dot = try SMGen.run(["graph", "-c", "examples/minimal.yaml", "--format", "dot"])
        #expect(dot.status == 0)
        #expect(dot.stdout.hasPrefix("digraph smgen {\n"))
        #expect(dot.stdout.contains("  \"tiny-sm-domain\" -> \"tiny-sm-team-ds\";\n"))
        let resources = try SMGen.run(["graph", "-c", "examples/minimal.yaml", "--resources"])
        #expect(
            resources.stdout.contains(
                "tiny_sm_people_ds_churn__ProfileDsChurnAna[\"ProfileDsChurnAna<br/>AWS::SageMaker::UserProfile\"]"))
        let unknown = try SMGen.run(["graph", "-c", "examples/minimal.yaml", "--env", "nope"])
        #expect(unknown.status == 2)
        #expect(try SMGen.run(["graph", "-c", "examples/minimal.yaml", "--format", "png"]).status == 2)
    }
}

@Suite("Command line: diff")
struct DiffCLITests {
    @Test func exitsZeroWhenUpToDateOneOnChangesTwoOnBadInput() throws {
        let same = try SMGen.run(["diff", "-c", "examples/design-org.yaml"])
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout == "dev: no changes\n\n")
        let changed = try SMGen.run(["diff", "-c", "examples/minimal.yaml", "--format", "markdown"])
        #expect(changed.status == 1)
        #expect(changed.stdout.hasPrefix("### smgen diff: `dev`\n"))
        #expect(try SMGen.run(["diff", "-c", "examples/design-org.yaml", "--format", "yaml"]).status == 2)
        #expect(try SMGen.run(["diff", "-c", "Tests/SMGenCoreTests/Fixtures/invalid/bad-cidrs.yaml"]).status == 2)
    }
}
