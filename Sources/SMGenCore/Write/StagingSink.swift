import Foundation

/// Writes each file into a staging folder as it comes, creating its folder the first time
/// (and keeping it open, so that each file is created by its name in it, with no path to
/// resolve); a file the previous rendering (`previous`) holds unchanged is linked from
/// there instead, from its folder, kept open too. Nothing is written once `gate` closed.
final class StagingSink: RenderedFileSink, @unchecked Sendable {
    private let root: String
    private let previous: String?
    private let gate: WriteGate
    private let lock = NSLock()
    /// The folders made so far, each open.
    private var folders: [Substring: PosixFiles.Folder] = [:]
    /// The previous rendering's folders opened so far; nil for one it does not have.
    private var previousFolders: [Substring: PosixFiles.Folder?] = [:]

    init(root: String, previous: String?, gate: WriteGate) {
        self.root = root
        self.previous = previous
        self.gate = gate
    }

    deinit {
        for folder in folders.values { folder.close() }
        for case let folder? in previousFolders.values { folder.close() }
    }

    func accept(_ path: String, _ bytes: [UInt8]) throws {
        let slash = path.lastIndex(of: "/")
        let relative = slash.map { path[..<$0] } ?? ""
        let name = String(slash.map { path[path.index(after: $0)...] } ?? path[...])
        let mode = FileMode.of(path)
        let written = try gate.whileOpen {
            let (folder, previousFolder) = try self.folders(relative)
            if let previousFolder, previousFolder.linkIfSame(name, bytes, mode: mode, into: folder) { return }
            try folder.create(name, with: bytes, mode: mode)
        }
        if !written { throw OutputWriter.Refusal(description: "the render was interrupted") }
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
