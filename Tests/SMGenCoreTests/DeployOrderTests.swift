import Foundation
import SMGenYAML
import Testing

@testable import SMGenCore

/// The deploy order is derived from each stack's dependencies, and the dependencies match
/// what the built templates use: on every example and golden config, each stack imports only
/// exports of the stacks it depends on, names only IAM principals and buckets that a stack
/// before it creates, and comes after all of them.
@Suite("Deploy order")
struct DeployOrderTests {
    static let configs =
        RepoPaths.files(in: RepoPaths.examples, withExtension: "yaml")
        + ((try? FileManager.default.contentsOfDirectory(
            atPath: RepoPaths.fixtures.appendingPathComponent("render").path)) ?? []).sorted().map {
            RepoPaths.fixtures.appendingPathComponent("render/\($0)/smgen.yaml")
        }

    /// The property that names what a resource of each type creates.
    static let nameProperties = [
        "AWS::IAM::Group": "GroupName", "AWS::IAM::User": "UserName", "AWS::IAM::Role": "RoleName",
        "AWS::IAM::ManagedPolicy": "ManagedPolicyName", "AWS::S3::Bucket": "BucketName",
        "AWS::ECR::Repository": "RepositoryName",
    ]

    @Test(arguments: configs)
    func dependenciesMatchWhatTheTemplatesUse(_ url: URL) throws {
        let config = try #require(ConfigLoader.load(path: url.path).config)
        for environment in config.environments {
            let plan = Planner.plan(config, environment)
            let built = BuiltPart.stacks(of: plan, config)
            var exporter: [String: String] = [:]
            var creator: [String: String] = [:]
            for stack in built {
                for output in stack.template.outputs {
                    if let export = output.exportName { exporter[export] = stack.plan.name }
                }
                for resource in stack.template.resources {
                    for entry in resource.properties where Self.nameProperties[resource.type] == entry.key {
                        if case .string(let name) = entry.value { creator[name] = stack.plan.name }
                    }
                }
            }
            var position: [String: Int] = [:]
            for (index, stack) in plan.stacks.enumerated() { position[stack.name] = index }
            var before: [String: Set<String>] = [:]
            for stack in plan.stacks {
                before[stack.name] = stack.dependsOn.reduce(into: Set(stack.dependsOn)) {
                    $0.formUnion(before[$1] ?? [])
                }
                for dependency in stack.dependsOn {
                    #expect(
                        position[dependency]! < position[stack.name]!,
                        "\(url.lastPathComponent): \(stack.name) is deployed before \(dependency)")
                }
            }
            for stack in built {
                var imports: [String] = []
                var names: [String] = []
                Self.collect(stack.template.value, imports: &imports, names: &names)
                for export in imports {
                    let producer = try #require(
                        exporter[export], "\(stack.plan.name) imports \(export), which no stack exports")
                    #expect(
                        stack.plan.dependsOn.contains(producer),
                        "\(url.lastPathComponent): \(stack.plan.name) imports \(export) from \(producer) without depending on it"
                    )
                }
                for name in names {
                    guard let producer = creator[name], producer != stack.plan.name else { continue }
                    #expect(
                        before[stack.plan.name]!.contains(producer),
                        "\(url.lastPathComponent): \(stack.plan.name) names \(name), created by \(producer), which is not deployed before it"
                    )
                }
            }
        }
    }

    /// Every `!ImportValue` export name in `value`, and every other string (tags left out).
    static func collect(_ value: YAMLValue, imports: inout [String], names: inout [String]) {
        switch value {
        case .tagged("!ImportValue", .string(let export)): imports.append(export)
        case .tagged(_, let inner): collect(inner, imports: &imports, names: &names)
        case .string(let text): names.append(text)
        case .list(let items): for item in items { collect(item, imports: &imports, names: &names) }
        case .map(let entries):
            for entry in entries where entry.key != "Tags" { collect(entry.value, imports: &imports, names: &names) }
        default: break
        }
    }

    @Test func theOrderFollowsTheDependenciesNotTheListing() {
        let stacks = [("c", ["b"]), ("a", []), ("b", ["a"]), ("d", [])].map {
            StackPlan(name: $0.0, kind: .network, part: 0, dependsOn: $0.1)
        }
        #expect(DeployOrder.sorted(stacks).map(\.name) == ["a", "b", "d", "c"])
    }

    @Test func aListingInDependencyOrderIsKept() {
        let stacks = [("a", []), ("b", ["a"]), ("c", []), ("d", ["b", "c"])].map {
            StackPlan(name: $0.0, kind: .network, part: 0, dependsOn: $0.1)
        }
        #expect(DeployOrder.sorted(stacks).map(\.name) == ["a", "b", "c", "d"])
    }

    @Test func aCycleIsAPlannerBug() async {
        await #expect(processExitsWith: .failure) {
            let stacks = [("a", ["b"]), ("b", ["a"])].map {
                StackPlan(name: $0.0, kind: .network, part: 0, dependsOn: $0.1)
            }
            _ = DeployOrder.sorted(stacks)
        }
    }

    @Test func aMissingProducerIsAPlannerBug() async {
        await #expect(processExitsWith: .failure) {
            _ = DeployOrder.sorted([StackPlan(name: "a", kind: .network, part: 0, dependsOn: ["nowhere"])])
        }
    }
}
