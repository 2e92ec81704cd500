import Foundation
import SMGenYAML
import Testing

@testable import SMGenCore

private func load(_ text: String) -> LoadResult {
    ConfigLoader.load(bytes: Array(text.utf8), file: "smgen.yaml")
}

private let minimal = """
    version: 1
    org: {company: tiny}
    environments:
      dev:
        account: "111122223333"
        region: us-east-1
        vpc: {id: vpc-0123abcd, cidr: 10.0.0.0/16, subnets: [subnet-0123abcd, subnet-4567ef01]}
    users:
      ana: {}
    teams:
      ds:
        projects:
          churn: {members: [ana]}

    """

@Suite("Config loader")
struct ConfigLoaderTests {
    @Test func noNumberOfWarningsCrowdsOutAnError() {
        // More warnings than the sink keeps (users in no project), then an error found after
        // them (a bucket name over 63 characters).
        let idle = (0..<DiagnosticSink.limit + 5).map { "  idle\($0): {}\n" }.joined()
        let text = minimal.replacingOccurrences(
            of: "users:\n", with: "naming: {bucket_suffix: \"-\(String(repeating: "x", count: 39))\"}\nusers:\n\(idle)"
        ).replacingOccurrences(of: "      churn: {", with: "      churn-prediction-models: {short: churn, ")
        let result = load(text)
        #expect(result.omitted == 5)
        #expect(result.config == nil)
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.mark) == [Mark(line: 1019, column: 7)])
        let printed = CommandResult.invalid(result.diagnostics, omitted: result.omitted).stderr
        #expect(printed.hasPrefix("smgen.yaml:1019:7: error: computed S3 bucket name"))
        #expect(printed.hasSuffix("error: 1005 more problems not shown; fix the ones above first\n"))
    }

    @Test func defaultsAreApplied() throws {
        let config = try #require(load(minimal).config)
        #expect(config.domain.name == "tiny-ml")
        #expect(config.domain.idleTimeoutMinutes == 60)
        #expect(config.naming.bucketSuffix == "")
        #expect(config.modules.ecr == nil && config.modules.monitoring == nil)
        #expect(!config.modules.modelRegistry && !config.modules.mlops)
        #expect(config.admins.isEmpty)
        let project = config.teams[0].projects[0]
        #expect(project.short == "churn")
        #expect(project.pipeline.accuracyThreshold == 0.8)
        #expect(config.teams[0].name == "ds")
        #expect(config.environments[0].vpc.endpoints == false)
    }

    @Test func enabledModulesTakeTheirDefaults() throws {
        let text =
            minimal
            + "modules:\n  ecr: {enabled: true}\n  monitoring: {enabled: true}\n  model_registry: {enabled: true}\n"
        let config = try #require(load(text).config)
        #expect(config.modules.ecr?.sharedRepos == ["base-sklearn", "base-pytorch", "base-xgboost"])
        #expect(config.modules.ecr?.projectRepos == ["preprocessing", "training", "inference"])
        #expect(config.modules.ecr?.keepImages == 10)
        #expect(config.modules.monitoring?.processingRetentionDays == 30)
        #expect(config.modules.monitoring?.trainingRetentionDays == 90)
        #expect(config.modules.monitoring?.endpointsRetentionDays == 14)
        #expect(config.modules.modelRegistry)
    }

    @Test func disabledModulesAreOff() throws {
        let config = try #require(load(minimal + "modules:\n  ecr: {enabled: false, keep_images: 3}\n").config)
        #expect(config.modules.ecr == nil)
    }

    @Test func modelsReadTheirHosting() throws {
        let text = minimal.replacingOccurrences(
            of: "churn: {members: [ana]}",
            with: """
                churn:
                        members: [ana]
                        models:
                          a: {version: 1, image: "1.dkr.ecr.us-east-1.amazonaws.com/x:1", autoscaling: {max: 6}}
                          b: {version: 2, image: "1.dkr.ecr.us-east-1.amazonaws.com/x:1", serverless: {}}
                          c: {version: 3, image: "1.dkr.ecr.us-east-1.amazonaws.com/x@sha256:\(String(repeating: "ab", count: 32))"}
                """)
        let result = load(text)
        let models = try #require(result.config?.teams[0].projects[0].models, "\(result.diagnostics)")
        #expect(
            models[0].hosting
                == .instances(type: "ml.m5.large", autoscaling: Autoscaling(min: 1, max: 6, targetInvocations: 70)))
        #expect(models[1].hosting == .serverless(memoryMB: 2048, maxConcurrency: 5))
        #expect(models[2].hosting == .instances(type: "ml.m5.large", autoscaling: nil))
    }

    @Test func anchorsAndMergeKeysWork() throws {
        let text = minimal.replacingOccurrences(
            of: "users:\n  ana: {}", with: "users:\n  ana: &person {email: ana@x.example}\n  bo:\n    <<: *person\n"
        )
        .replacingOccurrences(of: "members: [ana]", with: "members: [ana, bo]")
        let result = load(text)
        let config = try #require(result.config, "\(result.diagnostics)")
        #expect(config.users.map(\.email) == ["ana@x.example", "ana@x.example"])
    }

    @Test func nullUserIsAnEmptyUser() throws {
        let text = minimal.replacingOccurrences(of: "  ana: {}", with: "  ana:\n")
        #expect(load(text).config?.users.first?.name == "ana")
    }

    @Test func usersInNoProjectAreWarnings() throws {
        let text = minimal.replacingOccurrences(of: "  ana: {}", with: "  ana: {}\n  idle: {}")
        let result = load(text)
        #expect(result.config != nil)
        #expect(
            result.diagnostics.map(\.description) == [
                "smgen.yaml:10:3: warning: users.idle: is in no project and not an admin; the user gets an IAM user and nothing else"
            ])
    }

    @Test func errorsAreSortedByPositionAndAllReported() {
        let text = minimal.replacingOccurrences(of: "company: tiny", with: "company: T")
            .replacingOccurrences(of: "region: us-east-1", with: "region: mars-1")
            .replacingOccurrences(of: "members: [ana]", with: "members: [zed]")
        let lines = load(text).diagnostics.map(\.mark.line)
        #expect(lines == lines.sorted())
        #expect(lines.count == 4)
    }

    @Test func moreThanFiveThousandUsersIsAnError() {
        var text = minimal.replacingOccurrences(of: "  ana: {}\n", with: "  ana: {}\n")
        let extra = (0..<5000).map { "  u\($0): {}\n" }.joined()
        text = text.replacingOccurrences(of: "users:\n", with: "users:\n" + extra)
        let errors = load(text).diagnostics.filter { $0.severity == .error }
        #expect(
            errors.map(\.message) == [
                "users: 5001 users, but IAM holds at most 5000 users per account; split the org across environments (accounts)"
            ])
    }

    @Test func aLargeOrgLoads() throws {
        var lines = [minimal.components(separatedBy: "users:")[0], "users:"]
        for project in 0..<300 { for user in 0..<4 { lines.append("  u\(project)x\(user): {}") } }
        lines.append("teams:\n  big:\n    projects:")
        for project in 0..<300 {
            lines.append(
                "      p\(project): {members: [\((0..<4).map { "u\(project)x\($0)" }.joined(separator: ", "))]}")
        }
        let result = load(lines.joined(separator: "\n") + "\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.config?.teams[0].projects.count == 300)
    }
}
