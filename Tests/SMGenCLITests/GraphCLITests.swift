import Foundation
import Testing

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
