import Foundation
import SMGenYAML

/// Reads smgen.yaml (version 1): YAML parse, typed read with defaults, cross-reference
/// rules, then the AWS names every later stage will use, each checked against its limits.
public enum ConfigLoader {
    /// The top-level keys of version 1.
    static let topLevelKeys = [
        "version", "org", "environments", "domain", "naming", "modules", "admins", "users", "teams", "overrides",
    ]

    /// The config at `path` (`-`: standard input), loaded.
    public static func load(path: String) -> LoadResult {
        switch ConfigFile.read(path) {
        case .bytes(let bytes): return load(bytes: bytes, file: ConfigFile.name(path))
        case .unreadable(let problem): return LoadResult(config: nil, diagnostics: [problem])
        }
    }

    public static func load(bytes: [UInt8], file: String) -> LoadResult {
        var reader = ConfigReader(file: file)
        let parsed = YAMLParser().parse(bytes)
        for error in parsed.errors { reader.sink.error(error.mark, error.message) }
        var config: Config?
        if let root = parsed.root {
            TagRules.check(root, sink: &reader.sink)
            config = ConfigBuilder.build(root, reader: &reader)
        } else if parsed.errors.isEmpty {
            reader.sink.error(
                Mark(line: 1, column: 1),
                "the config is empty; expected a mapping with the keys \(requiredTopLevelKeys.joined(separator: ", "))")
        }
        if let built = config {
            NameRules.check(built, sink: &reader.sink) { ConfigRules.check(built, sink: &$0) }
        }
        return LoadResult(
            config: reader.sink.hasErrors ? nil : config, diagnostics: reader.sink.sorted, omitted: reader.sink.omitted)
    }

    static let requiredTopLevelKeys = ["version", "org", "environments", "users", "teams"]
}
