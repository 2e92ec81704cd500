import Crypto
import SMGenYAML

/// The files of one environment's output tree, by path relative to `<output>/<env>/`.
public struct RenderedTree: Sendable {
    /// Each file's UTF-8 bytes.
    public var files: [String: [UInt8]]
}

/// Turns an environment's plan into text: stacks as YAML, policies as JSON, the README and
/// the manifest. The only stage besides the writer that knows about text.
public enum Renderer {
    /// Templates larger than this must be uploaded to S3 to be deployed.
    public static let inlineTemplateLimit = 51_200

    /// The path of a stack's template in the output tree.
    static func stackFile(_ stack: StackPlan) -> String { "stacks/\(stack.name).yaml" }

    /// Renders one or more files (one job runs on one core).
    private typealias Job = () throws -> [RenderedFile]

    /// Renders every file of `plan` that `renderer` has not rendered yet (while the plan was
    /// made) on every core, handing each to the renderer's sink as soon as it is made, and
    /// runs `alongside` meanwhile on a core with time for it; returns each stack file's size in
    /// bytes, by path.
    static func render(_ plan: EnvironmentPlan, config: Config, configName: String, configDigest: String,
                       with renderer: FileRenderer, alongside: () -> Void) throws -> [String: Int] {
        let stackPaths = plan.stacks.map { (plan: $0, file: stackFile($0)) }
        // The README and the stacks on half the cores; the scripts that need the plan only (and
        // what deploy.sh needs besides the stacks' sizes), `alongside` and the policies on the
        // other half (so that fewer cores create files in one folder at a time); then deploy.sh.
        let readme: Job = {
            [try renderer.emit("README.md", Array(EnvironmentReadme.render(plan, config: config, configName: configName, stackFiles: stackPaths).utf8))]
        }
        let pendingStacks = plan.stacks.filter { $0.rendered == nil }.map { stack -> Job in { [try renderer.render(stack)] } }
        let pendingPolicies = plan.policies.filter { $0.rendered == nil }.map { policy -> Job in { [try renderer.render(policy)] } }
        var pendingDeploy: ScriptsRenderer.PendingDeploy?
        let scripts: Job = {
            pendingDeploy = ScriptsRenderer.deploy(plan, config: config, configName: configName)
            return try ScriptsRenderer.others(plan, config: config, configName: configName).map { try renderer.emit($0.path, Array($0.text.utf8)) }
        }
        let (first, second) = try withoutActuallyEscaping(alongside) { alongside in
            try Parallel.lanes([readme] + pendingStacks, [scripts, { alongside(); return [] }] + pendingPolicies) { try $0() }
        }
        // Each stack's file: rendered while planned, or just now (in plan order, after the README).
        var renderedNow = first.dropFirst().joined().makeIterator()
        let stackFiles = stackPaths.map { stack in (plan: stack.plan, file: stack.file, bytes: (stack.plan.rendered ?? renderedNow.next()!).size) }
        let releasedFiles = plan.stacks.compactMap(\.rendered) + plan.policies.compactMap(\.rendered)
        // deploy.sh, which needs the stacks' sizes, beside the sorting of every other file.
        let (deployed, sorted) = Parallel.pair({
            Result { () throws -> RenderedFile in
                let deploy = pendingDeploy!.finish(stackBytes: stackFiles.map(\.bytes))
                return try renderer.emit(deploy.path, Array(deploy.text.utf8))
            }
        }, {
            (Array(first.joined()) + Array(second.joined()) + releasedFiles).sorted { $0.path < $1.path }
        })
        var files = sorted
        let deployFile = try deployed.get()
        files.insert(deployFile, at: files.firstIndex { $0.path > deployFile.path } ?? files.endIndex)
        let manifest = manifest(plan, configName: configName, configDigest: configDigest, stackFiles: stackFiles, files: files)
        try renderer.write("manifest.json", manifest)
        ProcessLifetime.keep((first, second, files))
        return Dictionary(uniqueKeysWithValues: stackFiles.map { ($0.file, $0.bytes) })
    }

    /// The lowercase hex SHA-256 of `bytes`.
    public static func sha256(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 15)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    private static func manifest(_ plan: EnvironmentPlan, configName: String, configDigest: String,
                                 stackFiles: [(plan: StackPlan, file: String, bytes: Int)], files: [RenderedFile]) -> [UInt8] {
        let environment = plan.environment
        let value: YAMLValue = .map([
            "generator": "smgen",
            "smgen_version": .string(SMGenVersion.current),
            "config": .string(configName),
            "config_sha256": .string(configDigest),
            "environment": .map([
                "name": .string(environment.name), "account": .string(environment.account), "region": .string(environment.region),
                "template_bucket": .string(environment.templateBucket),
            ]),
            "stacks": .list(stackFiles.map { stack in
                .map([
                    "name": .string(stack.plan.name),
                    "file": .string(stack.file),
                    "depends_on": .strings(stack.plan.dependsOn),
                    "parameters": .map([]),
                    "resources": .int(stack.plan.facts.resources),
                    "bytes": .int(stack.bytes),
                    "needs_template_bucket": .bool(stack.bytes > inlineTemplateLimit),
                ])
            }),
            "files": .map(files.map { YAMLEntry($0.path, .string($0.sha256)) }),
        ])
        return JSONWriter.bytes(value)
    }
}
