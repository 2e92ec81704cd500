import Crypto
import SMGenYAML

/// The render stage for the files of an environment as a whole: the README, the scripts and
/// the manifest (each part's stacks and policies are rendered by `FileRenderer` as soon as
/// the part is built).
public enum Renderer {

    /// One stack's rendered file and how many resources it has, for the manifest.
    typealias StackFile = (plan: StackPlan, file: RenderedFile, resources: Int)

    /// Renders the files of the environment as a whole, once its parts are rendered
    /// (`stacks`, in deploy order, and `policies`, in the plan's order): the README and the
    /// scripts (on two cores), then the manifest of every file.
    static func render(
        _ plan: EnvironmentPlan, stacks: [StackFile], policies: [RenderedFile], config: Config,
        configName: String, configDigest: String, with renderer: FileRenderer
    ) throws {
        let (readme, scripts) = Parallel.pair(
            {
                Result { () throws -> RenderedFile in
                    let text = EnvironmentReadme.render(
                        plan, config: config, configName: configName, policies: policies.map(\.path))
                    return try renderer.emit("README.md", Array(text.utf8))
                }
            },
            {
                Result { () throws -> [RenderedFile] in
                    let deploy = ScriptsRenderer.deploy(
                        plan, stackBytes: stacks.map(\.file.size), config: config, configName: configName)
                    return try ([deploy] + ScriptsRenderer.others(plan, config: config, configName: configName)).map {
                        try renderer.emit($0.path, Array($0.text.utf8))
                    }
                }
            })
        let files = (stacks.map(\.file) + policies + [try readme.get()] + (try scripts.get())).sorted {
            $0.path < $1.path
        }
        try renderer.write(
            "manifest.json",
            manifest(plan, configName: configName, configDigest: configDigest, stacks: stacks, files: files))
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

    private static func manifest(
        _ plan: EnvironmentPlan, configName: String, configDigest: String,
        stacks: [StackFile], files: [RenderedFile]
    ) -> [UInt8] {
        let environment = plan.environment
        let value: YAMLValue = .map([
            "generator": "smgen",
            "smgen_version": .string(SMGenVersion.current),
            "config": .string(configName),
            "config_sha256": .string(configDigest),
            "environment": .map([
                "name": .string(environment.name), "account": .string(environment.account),
                "region": .string(environment.region),
                "template_bucket": .string(environment.templateBucket),
            ]),
            "stacks": .list(
                stacks.map { stack in
                    .map([
                        "name": .string(stack.plan.name),
                        "file": .string(stack.file.path),
                        "depends_on": .strings(stack.plan.dependsOn),
                        "parameters": .map([]),
                        "resources": .int(stack.resources),
                        "bytes": .int(stack.file.size),
                        "needs_template_bucket": .bool(stack.file.size > AWSLimits.inlineTemplateBytes),
                    ])
                }),
            "files": .map(files.map { YAMLEntry($0.path, .string($0.sha256)) }),
        ])
        return JSONWriter.bytes(value)
    }
}
