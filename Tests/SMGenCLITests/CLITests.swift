import Foundation
import Testing

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
        #expect(output.stderr == "no-such-file.yaml:1:1: error: cannot read the config file: no such file or folder\n")
        let folder = try SMGen.run(["validate", "-c", "Sources"])
        #expect(folder.status == 2)
        #expect(folder.stderr == "Sources:1:1: error: cannot read the config file: it is a folder, not a file\n")
    }

    @Test func diagnosticsStopAtAHundredWithACount() throws {
        let config = "version: 1\n" + (0..<2_000).map { "key\($0): 1\n" }.joined()
        let output = try SMGen.run(["validate", "-c", "-"], input: config)
        #expect(output.status == 2)
        let lines = output.stderr.split(separator: "\n")
        #expect(lines.count == 101)
        #expect(lines.last == "error: 1904 more problems not shown; fix the ones above first")
    }

    @Test func aConfigFarLargerThanAnyPlatformsIsRefusedUnread() throws {
        let workspace = try SMGen.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let padding = String(repeating: "# padding padding padding padding padding padding\n", count: 350_000)
        try ("version: 1\n" + padding).write(
            to: workspace.appendingPathComponent("huge.yaml"), atomically: true, encoding: .utf8)
        let output = try SMGen.run(["validate", "-c", "huge.yaml"], in: workspace)
        #expect(output.status == 2)
        #expect(
            output.stderr
                == "huge.yaml:1:1: error: cannot read the config file: it is larger than 16 MB, far beyond any platform's config\n"
        )
    }

    @Test func theConfigCanComeFromStandardInput() throws {
        let config = try String(contentsOfFile: "examples/minimal.yaml", encoding: .utf8)
        let valid = try SMGen.run(["validate", "-c", "-"], input: config)
        #expect(valid.status == 0)
        #expect(valid.stdout == "<stdin>: ok (1 environment, 1 team, 1 project, 1 user)\n")
        let invalid = try SMGen.run(["validate", "-c", "-"], input: "version: 2\n")
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("<stdin>:1:10: error: version: unsupported version 2"))
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
