import Foundation
import Testing

@testable import SMGenCore

/// Overrides that name what the plan lacks, or cannot be applied (each to the template the
/// ones before it made), are errors at their line from validate, render (which then writes
/// nothing) and diff alike.
@Suite("Overrides")
struct OverridesTests {
    static let config = """
        version: 1
        org: {company: shop}
        environments:
          dev:
            account: "222222222222"
            region: eu-central-1
            vpc: {id: vpc-0fedcba9, cidr: 10.8.0.0/16, subnets: [subnet-0aaa1111, subnet-0bbb2222]}
        users:
          ana: {}
        teams:
          ds:
            projects:
              churn: {members: [ana]}
        overrides:
          - {stack: shop-sm-domian, resource: Domain, path: Properties.X, value: 1}
          - {stack: shop-sm-domain, resource: Domian, path: Properties.X, value: 1}
          - {stack: shop-sm-project-ds-churn, resource: MemberPolicy, path: Properties.PolicyDocument.Statement, delete: true}
          - {stack: shop-sm-project-ds-churn, resource: Bucket, path: Properties.Nope.Deeper, delete: true}
          - {stack: shop-sm-project-ds-churn, resource: Bucket, path: Properties.Tags.9, value: {Key: a, Value: b}}
          - {stack: shop-sm-project-ds-churn, resource: Bucket, path: Properties.BucketName.Deeper, value: x}
          - {stack: shop-sm-project-ds-churn, resource: Bucket, path: Properties.Tags, delete: true}
          - {stack: shop-sm-project-ds-churn, resource: Bucket, path: Properties.Tags, delete: true}
          - {stack: shop-sm-project-ds-churn, resource: ExecutionRole, path: Properties.ManagedPolicyArns, value: []}

        """

    static let expected = """
        smgen.yaml:15:13: error: overrides[0].stack: no stack 'shop-sm-domian' in environment dev; did you mean 'shop-sm-domain'?
        smgen.yaml:16:39: error: overrides[1].resource: stack shop-sm-domain has no resource 'Domian'; did you mean 'Domain'? it has: DefaultExecutionRole, Domain
        smgen.yaml:17:69: error: overrides[2].path: Properties.PolicyDocument of AWS::IAM::ManagedPolicy is an IAM policy smgen writes from the design (and publishes in policies/ for review); it cannot be overridden
        smgen.yaml:18:63: error: overrides[3].path: there is no Properties.Nope to delete from in shop-sm-project-ds-churn/Bucket
        smgen.yaml:19:63: error: overrides[4].path: the list has 2 items; Properties.Tags.9 can replace one or append (index 2) in shop-sm-project-ds-churn/Bucket
        smgen.yaml:20:63: error: overrides[5].path: Properties.BucketName is a single value, not a mapping or a list in shop-sm-project-ds-churn/Bucket
        smgen.yaml:22:63: error: overrides[7].path: there is no Properties.Tags to delete in shop-sm-project-ds-churn/Bucket
        smgen.yaml:23:70: error: overrides[8].path: Properties.ManagedPolicyArns of AWS::IAM::Role is IAM access smgen grants from the design (and checks against IAM's limits); it cannot be overridden

        """

    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "smgen-overrides-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try config.write(to: directory.appendingPathComponent("smgen.yaml"), atomically: true, encoding: .utf8)
        return directory
    }

    @Test func validateReportsEveryBadOverrideAtItsLine() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = ValidateCommand.run(configPath: directory.appendingPathComponent("smgen.yaml").path)
        #expect(result.exitCode == 2)
        #expect(result.stderr.replacingOccurrences(of: directory.path + "/", with: "") == Self.expected)
    }

    @Test func renderAndDiffRefuseThemAndWriteNothing() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("smgen.yaml").path
        let output = directory.appendingPathComponent("output").path
        let render = RenderCommand.run(configPath: config, output: output, environment: nil, check: false)
        #expect(render.exitCode == 2)
        #expect(render.stderr.contains("overrides[4].path: the list has 2 items"))
        #expect(!FileManager.default.fileExists(atPath: output))
        let diff = DiffCommand.run(configPath: config, against: output, format: .text)
        #expect(diff.exitCode == 2 && diff.stdout.isEmpty)
    }
}
