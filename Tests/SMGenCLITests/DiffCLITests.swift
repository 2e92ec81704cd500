import Foundation
import Testing

@Suite("Command line: diff")
struct DiffCLITests {
    @Test func exitsZeroWhenUpToDateOneOnChangesTwoOnBadInput() throws {
        let same = try SMGen.run(["diff", "-c", "examples/design-org.yaml"])
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout == "dev: no changes\n\n")
        let changed = try SMGen.run(["diff", "-c", "examples/minimal.yaml", "--format", "markdown"])
        #expect(changed.status == 1)
        #expect(changed.stdout.hasPrefix("### smgen diff: `dev`\n"))
        #expect(try SMGen.run(["diff", "-c", "examples/design-org.yaml", "--format", "yaml"]).status == 2)
        #expect(try SMGen.run(["diff", "-c", "Tests/SMGenCoreTests/Fixtures/invalid/bad-cidrs.yaml"]).status == 2)
    }
}
