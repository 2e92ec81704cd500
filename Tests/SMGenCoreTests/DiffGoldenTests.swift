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
        let result = DiffCommand.run(
            configPath: base.appendingPathComponent("smgen.yaml").path,
            against: base.appendingPathComponent("elsewhere").path, format: .json)
        #expect(result.exitCode == 1)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let environment = (json?["environments"] as? [[String: Any]])?.first
        let stacks = environment?["stacks"] as? [[String: Any]] ?? []
        #expect(!stacks.isEmpty && stacks.allSatisfy { $0["change"] as? String == "added" })
    }
}

@Suite("Replacement rules")
struct ReplacementRuleTests {
    @Test func everyTypeSmgenEmitsHasItsSchemaRules() throws {
        let config = try #require(
            ConfigLoader.load(path: RepoPaths.fixtures.appendingPathComponent("render/all-modules/smgen.yaml").path)
                .config)
        let types = Set(
            config.environments.flatMap { environment in
                let context = PlatformContext(config: config, environment: environment)
                return Planner.plan(config, environment).parts.flatMap {
                    BuiltPart($0, context).stacks.flatMap { $0.template.resources.map(\.type) }
                }
            })
        #expect(!types.isEmpty)
        #expect(
            types.subtracting(CreateOnlyProperties.types).isEmpty, "regenerate with Tests/tools/generate_create_only.py"
        )
    }

    @Test func aCreateOnlyPropertyForcesReplacementAndAnUpdatableOneDoesNot() {
        let old: YAMLValue = .map([
            "Resources": .map([
                "Bucket": .map([
                    "Type": "AWS::S3::Bucket", "DeletionPolicy": "Retain",
                    "Properties": .map(["BucketName": "a", "VersioningConfiguration": .map(["Status": "Enabled"])]),
                ])
            ])
        ])
        let renamed: YAMLValue = .map([
            "Resources": .map([
                "Bucket": .map([
                    "Type": "AWS::S3::Bucket", "DeletionPolicy": "Retain",
                    "Properties": .map(["BucketName": "b", "VersioningConfiguration": .map(["Status": "Enabled"])]),
                ])
            ])
        ])
        let suspended: YAMLValue = .map([
            "Resources": .map([
                "Bucket": .map([
                    "Type": "AWS::S3::Bucket", "DeletionPolicy": "Retain",
                    "Properties": .map(["BucketName": "a", "VersioningConfiguration": .map(["Status": "Suspended"])]),
                ])
            ])
        ])
        let replaced = ResourceDiff.changes(old: old, new: renamed)
        #expect(replaced.count == 1 && replaced[0].replacement == .always && replaced[0].dataAtRisk)
        let updated = ResourceDiff.changes(old: old, new: suspended)
        #expect(updated.count == 1 && updated[0].replacement == Replacement.none && !updated[0].dataAtRisk)
        #expect(
            updated[0].properties == [
                PropertyChange(path: "Properties.VersioningConfiguration.Status", old: "Enabled", new: "Suspended")
            ])
    }

    @Test func aRolesPolicyMovingInlineChangesNoStatementButAWiderOneIsSeen() throws {
        /// A stack of one role reading (or `action`) `data/*`: by a managed policy attached to
        /// it, or inline.
        func stack(inline: Bool, action: String = "s3:GetObject") throws -> YAMLValue {
            let document = """
                Version: '2012-10-17'
                Statement:
                  - Effect: Allow
                    Action: \(action)
                    Resource: arn:aws:s3:::data/*
                """
            let indented = { (spaces: Int) in
                document.split(separator: "\n").map { String(repeating: " ", count: spaces) + $0 }.joined(
                    separator: "\n")
            }
            let text =
                inline
                ? """
                Resources:
                  Role:
                    Type: AWS::IAM::Role
                    Properties:
                      RoleName: r
                      Policies:
                        - PolicyName: p
                          PolicyDocument:
                \(indented(12))
                """
                : """
                Resources:
                  Role:
                    Type: AWS::IAM::Role
                    Properties:
                      RoleName: r
                  RolePolicy:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      Roles:
                        - !Ref Role
                      PolicyDocument:
                \(indented(8))
                """
            return try #require(TemplateReader.value(of: text + "\n"))
        }
        let managed = try stack(inline: false)
        let inline = try stack(inline: true)
        let wider = try stack(inline: true, action: "s3:PutObject")
        let moved = AccessDiff.changes(old: ["s": managed], new: ["s": inline])
        #expect(moved.map { "\($0.sign.rawValue) \($0.kind.rawValue) \($0.holder)" } == ["- membership s/RolePolicy"])
        #expect(moved.allSatisfy { !$0.widens })
        let widened = AccessDiff.changes(old: ["s": managed], new: ["s": wider])
        #expect(widened.filter(\.widens).map(\.holder) == ["s/Role"])
    }
}
