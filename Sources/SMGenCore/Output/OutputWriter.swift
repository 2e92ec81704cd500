import Foundation

/// Writes rendered trees without ever leaving a half-written output: each environment's
/// complete tree is written beside the output first, and only when all are written are they
/// swapped in. It removes only what smgen generated: an output folder or environment folder
/// holding files that no smgen manifest lists is refused, untouched.
public enum OutputWriter {
    public struct Refusal: Error, CustomStringConvertible {
        public let description: String
    }

    /// Files under `directory`, as sorted relative paths.
    static func files(under directory: URL) -> [String] {
        PosixFiles.files(under: directory.path).sorted()
    }

    /// The smgen manifest in `directory`, or nil when there is none (or another tool's).
    static func manifest(in directory: URL) -> [String: Any]? {
        guard let bytes = PosixFiles.contents(of: directory.appendingPathComponent("manifest.json").path),
              let manifest = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              manifest["generator"] as? String == "smgen"
        else { return nil }
        return manifest
    }

    /// The files a smgen manifest in `directory` lists (itself included), or nil when there is none.
    static func generatedFiles(in directory: URL) -> Set<String>? {
        guard let files = manifest(in: directory)?["files"] as? [String: Any] else { return nil }
        return Set(files.keys).union(["manifest.json"])
    }

    /// Checks that writing `environments` into `output` removes nothing smgen did not generate.
    static func checkOwnership(of output: URL, environments: [String]) throws {
        let manager = FileManager.default
        let entries = ((try? manager.contentsOfDirectory(atPath: output.path)) ?? []).filter { !$0.hasPrefix(".smgen-") }
        if !entries.isEmpty && !entries.contains(where: { generatedFiles(in: output.appendingPathComponent($0)) != nil }) {
            throw Refusal(description: "\(output.path) is not empty and holds no smgen output (no <env>/manifest.json); choose another folder with -o")
        }
        for name in environments {
            let directory = output.appendingPathComponent(name)
            guard manager.fileExists(atPath: directory.path) else { continue }
            guard let generated = generatedFiles(in: directory) else {
                throw Refusal(description: "\(directory.path) exists but has no smgen manifest; move it away or choose another folder with -o")
            }
            let foreign = files(under: directory).filter { !generated.contains($0) }
            if !foreign.isEmpty {
                throw Refusal(description: "\(directory.path) holds files smgen did not generate (\(foreign.prefix(5).joined(separator: ", "))); move them away first")
            }
        }
    }

    /// Writes each tree to `<output>/<env>/`, replacing what smgen wrote there before.
    public static func write(_ trees: [(environment: String, tree: RenderedTree)], to output: URL) throws {
        let manager = FileManager.default
        try checkOwnership(of: output, environments: trees.map(\.environment))
        try manager.createDirectory(at: output, withIntermediateDirectories: true)
        let token = UUID().uuidString
        var staged: [(final: URL, new: URL)] = []
        defer { for entry in staged { PosixFiles.removeTree(entry.new.path) } }
        for (environment, tree) in trees {
            let staging = output.appendingPathComponent(".smgen-new-\(environment)-\(token)")
            staged.append((output.appendingPathComponent(environment), staging))
            let paths = tree.files.keys.sorted()
            for directory in Set(paths.map { ($0 as NSString).deletingLastPathComponent }).sorted() {
                try PosixFiles.makeDirectories(staging.appendingPathComponent(directory).path)
            }
            _ = try Parallel.map(paths) { path in try PosixFiles.create(staging.path + "/" + path, with: tree.files[path]!) }
        }
        for entry in staged {
            let old = output.appendingPathComponent(".smgen-old-\(entry.final.lastPathComponent)-\(token)")
            if manager.fileExists(atPath: entry.final.path) { try manager.moveItem(at: entry.final, to: old) }
            try manager.moveItem(at: entry.new, to: entry.final)
            PosixFiles.removeTree(old.path)
        }
    }

    /// The paths that differ between `tree` and what is in `directory`: changed, missing, or extra.
    public static func differences(_ tree: RenderedTree, in directory: URL) -> [String] {
        let existing = Set(files(under: directory))
        let paths = tree.files.keys.sorted()
        let changed = Parallel.map(paths) { path in
            PosixFiles.contents(of: directory.path + "/" + path) != tree.files[path]!
        }
        var different = zip(paths, changed).filter(\.1).map(\.0)
        different += existing.subtracting(tree.files.keys)
        return different.sorted()
    }
}
