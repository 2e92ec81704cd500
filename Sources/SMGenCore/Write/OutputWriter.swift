import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes rendered trees without ever leaving a half-written output (`Staging`), and
/// compares a rendered tree with what is on disk.
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

    /// Why `path` is not an output tree smgen rendered (nil when it is one, or an empty
    /// folder: nothing rendered yet): a missing path, one that is not a folder, or a folder
    /// with entries none of which is a folder with an smgen manifest.
    static func notAnOutput(_ path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return "\(path): \(PosixFiles.reason(errno))" }
        guard (status.st_mode & S_IFMT) == S_IFDIR else { return "\(path) is a file, not an output folder" }
        let environments = PosixFiles.names(in: path).filter { !$0.hasPrefix(".") }
        if environments.isEmpty
            || environments.contains(where: { manifest(in: URL(fileURLWithPath: path + "/" + $0)) != nil })
        {
            return nil
        }
        return
            "\(path) holds no smgen output (no <env>/manifest.json); render into it first with smgen render -o \(path)"
    }

    /// The paths that differ between `tree` and what is in `directory`: changed (in bytes, or
    /// a script that is not executable or a file that is), missing, or extra.
    public static func differences(_ tree: RenderedTree, in directory: URL) -> [String] {
        let existing = Set(files(under: directory))
        let paths = tree.files.keys.sorted()
        let changed = Parallel.map(paths) { path in
            let file = directory.path + "/" + path
            return PosixFiles.contents(of: file) != tree.files[path]!
                || PosixFiles.isExecutable(file) != (FileMode.of(path) == FileMode.script)
        }
        var different = zip(paths, changed).filter(\.1).map(\.0)
        different += existing.subtracting(tree.files.keys)
        return different.sorted()
    }
}
