import SMGenYAML
import Testing

@testable import SMGenCore

/// A custom name changes exactly when a property CloudFormation can only change by replacing
/// the resource changes (the schemas' create-only properties), so a replacement never meets
/// its old name, and an in-place change never replaces.
@Suite("Create-only digest")
struct CreateOnlyDigestTests {
    func model(image: String, tags: [String] = []) -> [YAMLEntry] {
        [
            YAMLEntry("ModelName", "changes-with-the-digest"),
            YAMLEntry("PrimaryContainer", .map(["Image": .string(image)])),
            YAMLEntry("Tags", .strings(tags)),
        ]
    }

    @Test func aCreateOnlyChangeChangesTheDigest() {
        let before = CreateOnlyDigest.of("AWS::SageMaker::Model", model(image: "repo:1"), excluding: "ModelName")
        let after = CreateOnlyDigest.of("AWS::SageMaker::Model", model(image: "repo:2"), excluding: "ModelName")
        #expect(before != after)
        #expect(before.count == CreateOnlyDigest.length)
    }

    @Test func anUpdatableChangeKeepsIt() {
        // A model's tags update in place: its name stays.
        let before = CreateOnlyDigest.of("AWS::SageMaker::Model", model(image: "repo:1"), excluding: "ModelName")
        let after = CreateOnlyDigest.of(
            "AWS::SageMaker::Model", model(image: "repo:1", tags: ["Owner"]), excluding: "ModelName")
        #expect(before == after)
    }

    @Test func tagsCountWhereTheSchemaMakesThemCreateOnly() {
        // Every property of a data-quality job definition is create-only, its tags too.
        let type = "AWS::SageMaker::DataQualityJobDefinition"
        let before = CreateOnlyDigest.of(type, [YAMLEntry("Tags", .strings(["a"]))], excluding: "JobDefinitionName")
        let after = CreateOnlyDigest.of(type, [YAMLEntry("Tags", .strings(["b"]))], excluding: "JobDefinitionName")
        #expect(before != after)
    }

    @Test func theNameItselfIsLeftOut() {
        let named = model(image: "repo:1")
        let renamed = [YAMLEntry("ModelName", "another")] + named.dropFirst()
        #expect(
            CreateOnlyDigest.of("AWS::SageMaker::Model", named, excluding: "ModelName")
                == CreateOnlyDigest.of("AWS::SageMaker::Model", renamed, excluding: "ModelName"))
    }
}
