import Foundation
import SMGenYAML
import Testing

@testable import SMGenCore

/// The catalogue of names is the platform's: on every example and golden config, the names
/// the built templates give their resources are exactly the names the catalogue says the
/// platform creates, namespace by namespace, so `NameRules` checks every name a stack uses
/// and the scripts verify and clean up every resource.
@Suite("Name catalogue")
struct NameCatalogueTests {
    /// The property that names a resource of each type, and the namespace of the name.
    static let named: [String: (property: String, namespace: NameNamespace)] = [
        "AWS::IAM::Group": ("GroupName", .iamGroup), "AWS::IAM::User": ("UserName", .iamUser),
        "AWS::IAM::Role": ("RoleName", .iamRole), "AWS::IAM::ManagedPolicy": ("ManagedPolicyName", .iamPolicy),
        "AWS::S3::Bucket": ("BucketName", .bucket), "AWS::ECR::Repository": ("RepositoryName", .repository),
        "AWS::EC2::SecurityGroup": ("GroupName", .securityGroup), "AWS::SageMaker::Domain": ("DomainName", .domain),
        "AWS::SageMaker::UserProfile": ("UserProfileName", .userProfile),
        "AWS::SageMaker::Space": ("SpaceName", .space), "AWS::SageMaker::Model": ("ModelName", .model),
        "AWS::SageMaker::EndpointConfig": ("EndpointConfigName", .endpointConfig),
        "AWS::SageMaker::Endpoint": ("EndpointName", .endpoint),
        "AWS::SageMaker::ModelPackageGroup": ("ModelPackageGroupName", .packageGroup),
        "AWS::SageMaker::Pipeline": ("PipelineName", .pipeline),
        "AWS::SageMaker::MonitoringSchedule": ("MonitoringScheduleName", .monitoringSchedule),
        "AWS::SageMaker::DataQualityJobDefinition": ("JobDefinitionName", .jobDefinition),
    ]

    @Test(arguments: DeployOrderTests.configs)
    func theTemplatesNameWhatTheCatalogueLists(_ url: URL) throws {
        let config = try #require(ConfigLoader.load(path: url.path).config)
        let file = url.deletingLastPathComponent().lastPathComponent
        for environment in config.environments {
            let plan = Planner.plan(config, environment)
            var inTemplates: [NameNamespace: Set<String>] = [:]
            var untyped = 0
            for stack in BuiltPart.stacks(of: plan, config) {
                for resource in stack.template.resources {
                    if resource.type == "AWS::IAM::Role" { Self.inlinePolicies(resource, into: &inTemplates) }
                    guard let (property, namespace) = Self.named[resource.type] else { continue }
                    guard let entry = resource.properties.first(where: { $0.key == property }) else { continue }
                    guard case .string(var name) = entry.value else {
                        untyped += 1
                        continue
                    }
                    // A personal access group is the plan's (`GroupPlan`), named from a user it overflows.
                    if case .access = stack.plan.kind, namespace == .iamGroup { continue }
                    if [.model, .endpointConfig, .jobDefinition].contains(namespace) { name = Self.standIn(name) }
                    inTemplates[namespace, default: []].insert(name)
                }
            }
            #expect(untyped == 0, "\(file): names that are not plain strings")
            for namespace in Set(Self.named.values.map(\.namespace)).union([.rolePolicy]) {
                let names = inTemplates[namespace] ?? []
                var listed = Set(plan.names.created(namespace))
                if namespace == .iamPolicy {
                    // A policy split over documents adds `-2`, `-3`... to the listed name.
                    listed.formUnion(names.filter { name in listed.contains { name.hasPrefix($0 + "-") } })
                }
                #expect(
                    names == listed,
                    "\(file) \(environment.name) \(namespace): only in the templates \(names.subtracting(listed).sorted()), only in the catalogue \(listed.subtracting(names).sorted())"
                )
            }
        }
    }

    /// The names of a role's inline policies.
    static func inlinePolicies(_ role: CloudFormationTemplate.Resource, into names: inout [NameNamespace: Set<String>])
    {
        guard case .list(let policies) = role.properties.first(where: { $0.key == "Policies" })?.value else { return }
        for case .map(let entries) in policies {
            if case .string(let name) = entries.first(where: { $0.key == "PolicyName" })?.value {
                names[.rolePolicy, default: []].insert(name)
            }
        }
    }

    /// A name that ends in a digest (a model's, an endpoint configuration's, a job
    /// definition's) with the catalogue's stand-in for it.
    static func standIn(_ name: String) -> String {
        String(name.dropLast(CreateOnlyDigest.length)) + CreateOnlyDigest.standIn
    }

    @Test func verifyChecksTheDomainBeforeItsPeople() throws {
        let url = RepoPaths.examples.appendingPathComponent("design-org.yaml")
        let config = try #require(ConfigLoader.load(path: url.path).config)
        let kinds = Planner.plan(config, config.environments[0]).names.verified.map { $0.verifyCheck!.kind }
        #expect(kinds.first == "domain")
        #expect(kinds.firstIndex(of: "profile")! > kinds.firstIndex(of: "domain")!)
    }
}
