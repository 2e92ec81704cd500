import Foundation
import Testing

@Suite("Command line: render")
struct RenderCLITests {
    @Test func renderWritesTheTreeAndCheckAgreesThenAnInvalidConfigWritesNothing() throws {
        let workspace = try SMGen.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let output = workspace.appendingPathComponent("out").path
        let render = try SMGen.run(["render", "-c", "examples/design-org.yaml", "-o", output])
        #expect(render.status == 0, "\(render.stderr)")
        #expect(render.stdout == "wrote \(output)/dev: 21 stacks, 19 policies (account 123456789012, ap-southeast-1)\n")
        #expect(try SMGen.run(["render", "-c", "examples/design-org.yaml", "-o", output, "--check"]).status == 0)
        let stale = try SMGen.run(["render", "-c", "examples/minimal.yaml", "-o", output, "--check"])
        #expect(stale.status == 1)
        #expect(stale.stdout.contains("would change: \(output)/dev/manifest.json"))

        let fresh = workspace.appendingPathComponent("never").path
        let broken = try SMGen.run([
            "render", "-c", "Tests/SMGenCoreTests/Fixtures/invalid/bad-cidrs.yaml", "-o", fresh,
        ])
        #expect(broken.status == 2)
        #expect(broken.stderr.hasPrefix("Tests/SMGenCoreTests/Fixtures/invalid/bad-cidrs.yaml:10:13: error:"))
        #expect(!FileManager.default.fileExists(atPath: fresh))
    }
}
