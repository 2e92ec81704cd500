import Foundation

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

    /// A new output being written beside `output`: each environment's complete tree is
    /// staged in a folder of its own while it is rendered, and only `commit` swaps them in.
    /// Whatever was staged and not committed is removed. It removes only what smgen generated:
    /// an output folder or environment folder holding files that no smgen manifest lists is
    /// refused, untouched, before anything is staged for it.
    final class Staging {
        private let output: URL
        private let token = UUID().uuidString
        private var staged: [(final: URL, new: URL)] = []
        /// Whether `output` was made here (and so is removed again when nothing is committed).
        private let madeOutput: Bool
        private var committed = false
        /// The files each environment folder's manifest lists, as read once.
        private var generated: [String: Set<String>?] = [:]

        /// Refuses an `output` that is not empty and holds no smgen output; creates it when missing.
        init(output: URL) throws {
            self.output = output
            madeOutput = !FileManager.default.fileExists(atPath: output.path)
            let entries = ((try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []).filter {
                !$0.hasPrefix(".smgen-")
            }
            if !entries.isEmpty && !entries.contains(where: { generatedFiles(of: $0) != nil }) {
                throw Refusal(
                    description:
                        "\(output.path) is not empty and holds no smgen output (no <env>/manifest.json); choose another folder with -o"
                )
            }
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        }

        /// A sink that writes `environment`'s files into its staging folder, after checking that
        /// replacing `<output>/<environment>/` removes nothing smgen did not generate.
        func sink(for environment: String) throws -> some RenderedFileSink {
            let directory = output.appendingPathComponent(environment)
            let exists = FileManager.default.fileExists(atPath: directory.path)
            if exists {
                guard let generated = generatedFiles(of: environment) else {
                    throw Refusal(
                        description:
                            "\(directory.path) exists but has no smgen manifest; move it away or choose another folder with -o"
                    )
                }
                let foreign = files(under: directory).filter { !generated.contains($0) }
                if !foreign.isEmpty {
                    throw Refusal(
                        description:
                            "\(directory.path) holds files smgen did not generate (\(foreign.prefix(5).joined(separator: ", "))); move them away first"
                    )
                }
            }
            let staging = output.appendingPathComponent(".smgen-new-\(environment)-\(token)")
            staged.append((directory, staging))
            try PosixFiles.makeDirectories(staging.path)
            return StagingSink(root: staging.path, previous: exists ? directory.path : nil)
        }

        private func generatedFiles(of entry: String) -> Set<String>? {
            if let known = generated[entry] { return known }
            let found = OutputWriter.generatedFiles(in: output.appendingPathComponent(entry))
            generated[entry] = found
            return found
        }

        /// Swaps every staged tree in, replacing what smgen wrote there before.
        func commit() throws {
            let manager = FileManager.default
            for entry in staged {
                let old = output.appendingPathComponent(".smgen-old-\(entry.final.lastPathComponent)-\(token)")
                if manager.fileExists(atPath: entry.final.path) { try manager.moveItem(at: entry.final, to: old) }
                try manager.moveItem(at: entry.new, to: entry.final)
                PosixFiles.removeTree(old.path)
            }
            staged = []
            committed = true
        }

        deinit {
            for entry in staged { PosixFiles.removeTree(entry.new.path) }
            if madeOutput && !committed { rmdir(output.path) }
        }
    }

    /// Writes each file into a staging folder as it comes, creating its folder the first time
    /// (and keeping it open, so that each file is created by its name in it, with no path to
    /// resolve); a file the previous rendering (`previous`) holds unchanged is linked from
    /// there instead, from its folder, kept open too.
    private final class StagingSink: RenderedFileSink, @unchecked Sendable {
        private let root: String
        private let previous: String?
        private let lock = NSLock()
        /// The folders made so far, each open.
        private var folders: [Substring: PosixFiles.Folder] = [:]
        /// The previous rendering's folders opened so far; nil for one it does not have.
        private var previousFolders: [Substring: PosixFiles.Folder?] = [:]

        init(root: String, previous: String?) {
            self.root = root
            self.previous = previous
        }

        deinit {
            for folder in folders.values { folder.close() }
            for case let folder? in previousFolders.values { folder.close() }
        }

        func accept(_ path: String, _ bytes: [UInt8]) throws {
            let slash = path.lastIndex(of: "/")
            let relative = slash.map { path[..<$0] } ?? ""
            let name = String(slash.map { path[path.index(after: $0)...] } ?? path[...])
            let (folder, previousFolder) = try self.folders(relative)
            let mode = FileMode.of(path)
            if let previousFolder, previousFolder.linkIfSame(name, bytes, mode: mode, into: folder) { return }
            try folder.create(name, with: bytes, mode: mode)
        }

        /// The open folder `relative` to the root, made (with its parents) the first time, and
        /// the previous rendering's folder of the same path, if it has one.
        private func folders(_ relative: Substring) throws -> (PosixFiles.Folder, PosixFiles.Folder?) {
            try lock.withLock {
                if let open = folders[relative] { return (open, previousFolders[relative] ?? nil) }
                let path = relative.isEmpty ? root : root + "/" + relative
                try PosixFiles.makeDirectories(path)
                let open = try PosixFiles.Folder(path)
                folders[relative] = open
                let before = previous.flatMap { try? PosixFiles.Folder(relative.isEmpty ? $0 : $0 + "/" + relative) }
                previousFolders[relative] = before
                return (open, before)
            }
        }
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
