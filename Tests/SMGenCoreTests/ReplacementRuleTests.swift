import Foundation
import SMGenYAML
import Testing

@testable import SMGenCore

@Suite("Replacement rules")
struct ReplacementRuleTests {
    @Test func everyTypeSmgenEmitsHasItsSchemaRules() throws {
        let config = try #require(
            ConfigLoader.load(path: RepoPaths.fixtures.appendingPathComponent("render/all-modules/smgen.yaml").path)
                .config)
        let types = Set(
            config.environments.flatMap { environment in
                BuiltPart.stacks(of: Planner.plan(config, environment), config).flatMap {
                    $0.template.resources.map(\.type)
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
