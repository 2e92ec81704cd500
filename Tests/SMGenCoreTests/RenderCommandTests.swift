import Foundation
import Testing

@testable import SMGenCore

@Suite("Render command")
struct RenderCommandTests {
    static let design = RepoPaths.examples.appendingPathComponent("design-org.yaml").path

    func scratch() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("smgen-render-\(UUID().uuidString)")
    }

    /// A config file beside `output` (the caller removes it): version 1, company acme and the
    /// environment dev (us-east-1), then `rest` (more environments first, then the other keys).
    func writeConfig(beside output: URL, _ rest: String) throws -> URL {
        let config = output.deletingLastPathComponent().appendingPathComponent("\(output.lastPathComponent).yaml")
        try """
        version: 1
        org: {company: acme}
        environments:
          dev:
            account: "111122223333"
            region: us-east-1
            vpc: {id: vpc-0123abcd, cidr: 10.0.0.0/16, subnets: [subnet-0123abcd, subnet-4567ef01]}

        """.appending(rest).write(to: config, atomically: true, encoding: .utf8)
        return config
    }

    /// A config beside `output` whose one project, `ds/churn`, has `people` (YAML scalars) as
    /// its members and users; `environment` goes under the environment dev.
    func writeOneProjectConfig(beside output: URL, people: [String], environment: String = "") throws -> URL {
        try writeConfig(
            beside: output,
            environment + """
                users: {\(people.map { "\($0): {}" }.joined(separator: ", "))}
                teams:
                  ds:
                    projects:
                      churn: {members: [\(people.joined(separator: ", "))]}

                """)
    }

    @Test func checkReportsStaleFilesAndWritesNothing() throws {
        let output = scratch()
        defer { try? FileManager.default.removeItem(at: output) }
        let missing = RenderCommand.run(configPath: Self.design, output: output.path, environment: nil, check: true)
        #expect(missing.exitCode == 2)
        #expect(missing.stderr == "error: \(output.path): no such file or folder\n")
        #expect(!FileManager.default.fileExists(atPath: output.path))
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: false)
        let empty = RenderCommand.run(configPath: Self.design, output: output.path, environment: nil, check: true)
        #expect(empty.exitCode == 1)
        #expect(empty.stdout.contains("would change: \(output.path)/dev/manifest.json"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).isEmpty)
        #expect(
            RenderCommand.run(configPath: Self.design, output: output.path, environment: nil, check: false).exitCode
                == 0)
        #expect(
            RenderCommand.run(configPath: Self.design, output: output.path, environment: nil, check: true).exitCode == 0
        )
        let readme = output.appendingPathComponent("dev/README.md")
        try "edited\n".write(to: readme, atomically: true, encoding: .utf8)
        let stale = RenderCommand.run(configPath: Self.design, output: output.path, environment: nil, check: true)
        #expect(stale.exitCode == 1)
        #expect(stale.stdout == "would change: \(output.path)/dev/README.md\n")
    }

    @Test func scriptsAreExecutableAndCheckSaysWhenOneIsNot() throws {
        let output = scratch()
        defer { try? FileManager.default.removeItem(at: output) }
        let render = { RenderCommand.run(configPath: Self.design, output: output.path, environment: nil, check: false) }
        #expect(render().exitCode == 0)
        let environment = output.appendingPathComponent("dev")
        let mode = { (path: String) throws -> Int in
            try
                (FileManager.default.attributesOfItem(atPath: environment.appendingPathComponent(path).path)[
                    .posixPermissions]
                as? Int) ?? -1
        }
        let scripts = try FileManager.default.contentsOfDirectory(
            atPath: environment.appendingPathComponent("scripts").path)
        #expect(scripts.count == 5)
        for script in scripts { #expect(try mode("scripts/\(script)") == 0o755, "scripts/\(script)") }
        for file in ["README.md", "manifest.json", "stacks/acme-sm-network.yaml"] {
            #expect(try mode(file) == 0o644, "\(file)")
        }
        let deploy = environment.appendingPathComponent("scripts/deploy.sh").path
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: deploy)
        let stale = RenderCommand.run(configPath: Self.design, output: output.path, environment: nil, check: true)
        #expect(stale.exitCode == 1)
        #expect(stale.stdout == "would change: \(output.path)/dev/scripts/deploy.sh\n")
        #expect(render().exitCode == 0)
        #expect(try mode("scripts/deploy.sh") == 0o755)
    }

    @Test func anInvalidConfigLeavesThePreviousOutputAlone() throws {
        let output = scratch()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(
            RenderCommand.run(configPath: Self.design, output: output.path, environment: nil, check: false).exitCode
                == 0)
        let before = OutputWriter.files(under: output)
        let broken = RepoPaths.fixtures.appendingPathComponent("invalid/region-typo.yaml").path
        let result = RenderCommand.run(configPath: broken, output: output.path, environment: nil, check: false)
        #expect(result.exitCode == 2)
        #expect(OutputWriter.files(under: output) == before)
        #expect(
            RenderCommand.run(configPath: Self.design, output: output.path, environment: nil, check: true).exitCode == 0
        )
    }

    @Test func aLimitFoundAfterRenderingLeavesThePreviousOutputAlone() throws {
        let output = scratch()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(
            RenderCommand.run(configPath: Self.design, output: output.path, environment: nil, check: false).exitCode
                == 0)
        let before = try OutputWriter.files(under: output).map {
            try Data(contentsOf: output.appendingPathComponent($0))
        }
        // 80 people in one project: their stack is over the 51,200 bytes CloudFormation takes
        // inline, and there is no template_bucket. Only the rendered size tells, so files of
        // this render were already staged when the error is found.
        let config = try writeOneProjectConfig(beside: output, people: (0..<80).map { "u\($0)" })
        defer { try? FileManager.default.removeItem(at: config) }
        let result = RenderCommand.run(configPath: config.path, output: output.path, environment: nil, check: false)
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("set template_bucket"))
        #expect(
            try OutputWriter.files(under: output).map { try Data(contentsOf: output.appendingPathComponent($0)) }
                == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == ["dev"])
    }

    @Test func aRegionWithoutAResourceTypeThePlanNeedsIsAConfigError() throws {
        let output = scratch()
        // CloudFormation in cn-north-1 has no AWS::SageMaker::Space or ModelPackageGroup
        // (cfn-lint's region providers); us-east-1 has both.
        let config = try writeConfig(
            beside: output,
            """
              china:
                account: "444455556666"
                region: cn-north-1
                vpc: {id: vpc-0123abcd, cidr: 10.0.0.0/16, subnets: [subnet-0123abcd, subnet-4567ef01]}
            modules:
              model_registry: {enabled: true}
            users: {ana: {}}
            teams:
              ds:
                projects:
                  churn: {members: [ana]}

            """)
        defer { try? FileManager.default.removeItem(at: config) }
        let expected = [
            "\(config.path):8:3: error: environments.china.region: CloudFormation offers no AWS::SageMaker::ModelPackageGroup in cn-north-1, needed by stack acme-sm-project-ds-churn (it comes with modules.model_registry); choose another region or leave out what needs it",
            "\(config.path):8:3: error: environments.china.region: CloudFormation offers no AWS::SageMaker::Space in cn-north-1, needed by stack acme-sm-people-ds-churn (it comes with SageMaker Studio, which every platform has); choose another region or leave out what needs it",
        ].map { $0 + "\n" }.joined()
        let validated = ValidateCommand.run(configPath: config.path)
        #expect(validated.exitCode == 2)
        #expect(validated.stderr == expected)
        let rendered = RenderCommand.run(configPath: config.path, output: output.path, environment: nil, check: false)
        #expect(rendered.exitCode == 2)
        #expect(rendered.stderr == expected)
        #expect(!FileManager.default.fileExists(atPath: output.path))
        // The environment in a region that has them all renders alone.
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(
            RenderCommand.run(configPath: config.path, output: output.path, environment: "dev", check: false).exitCode
                == 0)
    }

    @Test func aGroupThatWouldCarryMoreThanTenManagedPoliciesIsAConfigError() throws {
        let output = scratch()
        // Tags cannot hold a comma, so each person with one gets a statement of the team
        // policy naming their profile: 300 of them need more than IAM's 10 policies a group.
        let config = try writeOneProjectConfig(
            beside: output, people: (0..<300).map { "\"lee,\($0)\"" },
            environment: "    template_bucket: acme-cfn-templates\n")
        defer { try? FileManager.default.removeItem(at: config) }
        let validated = ValidateCommand.run(configPath: config.path)
        #expect(validated.exitCode == 2)
        #expect(
            validated.stderr.hasPrefix(
                "\(config.path):4:3: error: environments.dev: IAM group acme-sm-team-ds (stack acme-sm-team-ds) would carry "
            ))
        #expect(validated.stderr.contains("managed policies; IAM attaches at most 10 to a group"))
        #expect(
            RenderCommand.run(configPath: config.path, output: output.path, environment: nil, check: false).exitCode
                == 2)
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aPlatformOverAnAccountsDefaultQuotaIsWarnedAbout() throws {
        // A group a project: 310 projects need more than the 300 IAM groups an account has by
        // default (and fit the 500 it can be given, so the projects keep their groups).
        let (path, stderr) = try validateOneTeam(projects: 310)
        #expect(
            stderr
                == "\(path):4:3: warning: environments.dev: the platform needs 312 IAM groups, over the 300 an account has by default; ask for more in Service Quotas (account 111122223333) before the first deploy\n"
        )
    }

    @Test func aPlatformWithMoreProjectsThanAnAccountHoldsGroupsAttachesMemberPoliciesToTheMembers() throws {
        // 510 projects would need 512 groups, over the 500 IAM gives an account at most: the
        // members hold their project's policy themselves, and only the team and admins groups remain.
        let config = try oneTeamConfig(projects: 510)
        let output = scratch()
        defer { for url in [config, output] { try? FileManager.default.removeItem(at: url) } }
        let rendered = RenderCommand.run(configPath: config.path, output: output.path, environment: nil, check: false)
        #expect(rendered.exitCode == 0)
        #expect(
            rendered.stderr
                == "\(config.path):4:3: warning: environments.dev: the platform needs 1533 IAM customer managed policies, over the 1500 an account has by default; ask for more in Service Quotas (account 111122223333) before the first deploy\n"
        )
        let project = try String(
            contentsOf: output.appendingPathComponent("dev/stacks/acme-sm-project-ds-p7.yaml"), encoding: .utf8)
        #expect(!project.contains("AWS::IAM::Group") && !project.contains("AWS::IAM::UserToGroupAddition"))
        #expect(
            project.contains(
                """
                      ManagedPolicyName: acme-sm-ds-p7-member
                      Description: 'Members of ds/p7: its bucket, jobs, models and endpoints only'
                      Users:
                        - u7
                      PolicyDocument:
                """))
    }

    @Test func aGraphTooLargeForMermaidIsLeftOutOfTheReadmeWithHowToGetIt() throws {
        // 200 projects: 420 stacks and their edges, over the 50,000 characters Mermaid draws.
        let config = try oneTeamConfig(projects: 200)
        let output = scratch()
        defer { for url in [config, output] { try? FileManager.default.removeItem(at: url) } }
        #expect(
            RenderCommand.run(configPath: config.path, output: output.path, environment: nil, check: false).exitCode
                == 0)
        let readme = try String(contentsOf: output.appendingPathComponent("dev/README.md"), encoding: .utf8)
        #expect(!readme.contains("```mermaid"))
        #expect(
            readme.contains(
                "\n\nThe graph of these 420 stacks is over the 50000 characters Mermaid draws (GitHub too); `smgen graph -c \(config.lastPathComponent) --env dev` prints it (`--format dot` for Graphviz).\n\nEach stack is deployed"
            ))
    }

    @Test func aPlatformOverTheMostAQuotaCanBeRaisedToSaysNoRaiseIsEnough() throws {
        // Three managed policies a project (members', deployer's, invoker's): 1,700 projects
        // need 5,103, over the 5,000 IAM raises an account's 1,500 to at most.
        let (path, stderr) = try validateOneTeam(projects: 1_700)
        #expect(
            stderr
                == [
                    "the platform needs 3420 CloudFormation stacks, over the 2000 an account has by default; ask for more in Service Quotas (account 111122223333 in us-east-1) before the first deploy",
                    "the platform needs 1701 IAM roles, over the 1000 an account has by default; ask for more in Service Quotas (account 111122223333) before the first deploy",
                    "the platform needs 5103 IAM customer managed policies, over the 5000 an account can be given at most (1500 by default): no raise makes room for it; render some of the teams from a config of their own, into other accounts",
                ].map { "\(path):4:3: warning: environments.dev: \($0)\n" }.joined())
    }

    @Test func aRolePolicyOverWhatIAMHoldsInlineBecomesManagedPoliciesOfTheRole() throws {
        // Each subnet is named in the execution role's policy (where jobs may run): with 40 of
        // them it is over the 10,240 characters IAM holds inline in a role.
        for (subnets, inline) in [(2, true), (40, false)] {
            let output = scratch()
            let ids = (0..<subnets).map { "subnet-0\(String(format: "%016x", $0))" }.joined(separator: ", ")
            let config = output.deletingLastPathComponent().appendingPathComponent("\(output.lastPathComponent).yaml")
            try """
            version: 1
            org: {company: acme}
            environments:
              dev:
                account: "111122223333"
                region: us-east-1
                vpc: {id: vpc-0123abcd, cidr: 10.0.0.0/16, subnets: [\(ids)]}
            users: {ana: {}}
            teams: {ds: {projects: {churn: {members: [ana]}}}}

            """.write(to: config, atomically: true, encoding: .utf8)
            defer { for url in [config, output] { try? FileManager.default.removeItem(at: url) } }
            #expect(
                RenderCommand.run(configPath: config.path, output: output.path, environment: nil, check: false).exitCode
                    == 0)
            let project = try String(
                contentsOf: output.appendingPathComponent("dev/stacks/acme-sm-project-ds-churn.yaml"), encoding: .utf8)
            let policies = try FileManager.default.contentsOfDirectory(
                atPath: output.appendingPathComponent("dev/policies").path
            ).filter { $0.contains("execution-role") }
            if inline {
                #expect(
                    project.contains(
                        "      Policies:\n        - PolicyName: acme-sm-ds-churn-execution\n          PolicyDocument:\n"
                    ))
                #expect(!project.contains("ExecutionRolePolicy"))
                #expect(policies == ["project-ds-churn-execution-role.json"])
            } else {
                #expect(!project.contains("      Policies:\n"))
                #expect(project.contains("  ExecutionRolePolicy2:\n    Type: AWS::IAM::ManagedPolicy\n"))
                #expect(project.contains("      Roles:\n        - !Ref ExecutionRole\n"))
                #expect(
                    policies.sorted() == [
                        "project-ds-churn-execution-role-2.json", "project-ds-churn-execution-role.json",
                    ])
            }
        }
    }

    /// Validates a config of one team with `projects` projects of one member each (exit 0
    /// expected); its path and what validate printed.
    private func validateOneTeam(projects count: Int) throws -> (path: String, stderr: String) {
        let config = try oneTeamConfig(projects: count)
        defer { try? FileManager.default.removeItem(at: config) }
        let validated = ValidateCommand.run(configPath: config.path)
        #expect(validated.exitCode == 0)
        return (config.path, validated.stderr)
    }

    /// A config of one team `ds` with `projects` projects `p0`... of one member (`u0`...) each;
    /// the caller removes it.
    private func oneTeamConfig(projects count: Int) throws -> URL {
        let projects = (0..<count).map { "p\($0): {members: [u\($0)]}" }
        return try writeConfig(
            beside: scratch(),
            """
                template_bucket: acme-cfn-templates
            users: {\((0..<count).map { "u\($0): {}" }.joined(separator: ", "))}
            teams:
              ds:
                projects: {\(projects.joined(separator: ", "))}

            """)
    }

    @Test func aRenderKeepsUnchangedFilesAndRewritesChangedOnes() throws {
        let output = scratch()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(
            RenderCommand.run(configPath: Self.design, output: output.path, environment: nil, check: false).exitCode
                == 0)
        let manifest = output.appendingPathComponent("dev/manifest.json")
        let readme = output.appendingPathComponent("dev/README.md")
        let inode = { (url: URL) in
            try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? UInt64)
        }
        let manifestInode = try inode(manifest)
        let readmeInode = try inode(readme)
        let original = try Data(contentsOf: readme)
        try "edited\n".write(to: readme, atomically: false, encoding: .utf8)
        #expect(
            RenderCommand.run(configPath: Self.design, output: output.path, environment: nil, check: false).exitCode
                == 0)
        #expect(try inode(manifest) == manifestInode)
        #expect(try Data(contentsOf: readme) == original)
        #expect(try inode(readme) != readmeInode)
        #expect(
            RenderCommand.run(configPath: Self.design, output: output.path, environment: nil, check: true).exitCode == 0
        )
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
        #expect(
            RenderCommand.run(configPath: Self.design, output: output.path, environment: nil, check: false).exitCode
                == 0)
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
        #expect(
            RenderCommand.run(configPath: config, output: output.path, environment: "prod", check: false).exitCode == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).sorted() == ["prod"])
        let unknown = RenderCommand.run(configPath: config, output: output.path, environment: "qa", check: false)
        #expect(unknown.exitCode == 2)
        #expect(unknown.stderr.contains("no environment 'qa'"))
    }

    @Test func everyPolicyAndTheManifestAreValidJSONWithDigests() throws {
        let output = scratch()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(
            RenderCommand.run(configPath: Self.design, output: output.path, environment: nil, check: false).exitCode
                == 0)
        let environment = output.appendingPathComponent("dev")
        let manifest = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: environment.appendingPathComponent("manifest.json"))) as? [String: Any])
        let files = try #require(manifest["files"] as? [String: String])
        #expect(Set(files.keys).union(["manifest.json"]) == Set(OutputWriter.files(under: environment)))
        for (path, digest) in files {
            #expect(
                Renderer.sha256([UInt8](try Data(contentsOf: environment.appendingPathComponent(path)))) == digest,
                "\(path)")
            if path.hasSuffix(".json") {
                #expect(throws: Never.self) {
                    try JSONSerialization.jsonObject(with: Data(contentsOf: environment.appendingPathComponent(path)))
                }
            }
        }
        let stacks = try #require(manifest["stacks"] as? [[String: Any]])
        var deployed = Set<String>()
        for stack in stacks {
            let name = try #require(stack["name"] as? String)
            for dependency in stack["depends_on"] as? [String] ?? [] {
                #expect(deployed.contains(dependency), "\(name) before \(dependency)")
            }
            deployed.insert(name)
        }
    }
}
