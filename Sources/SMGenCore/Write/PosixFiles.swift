import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few file operations the writer needs, straight on POSIX calls: a tree of thousands of
/// small files is written, listed and removed without Foundation's per-path overhead.
enum PosixFiles {
    /// A file operation that failed: what was done, on which path, and why.
    struct Failure: Error, CustomStringConvertible {
        let description: String
        /// Why, in words (`PosixFiles.reason`).
        let reason: String
        init(_ action: String, _ path: String) {
            reason = PosixFiles.reason(errno)
            description = "cannot \(action) \(path): \(reason)"
        }
    }

    /// What `error` (an `errno` value) means, in a few words.
    static func reason(_ error: Int32) -> String {
        switch error {
        case ENOENT: return "no such file or folder"
        case EACCES, EPERM: return "permission denied"
        case ENOTDIR: return "a part of the path is a file, not a folder"
        case EISDIR: return "it is a folder"
        case EROFS: return "the file system is read-only"
        case ENOSPC: return "no space left on the device"
        case EDQUOT: return "the disk quota is exceeded"
        case EEXIST: return "it already exists"
        case ELOOP: return "too many symbolic links"
        case ENAMETOOLONG: return "the path is too long"
        case EMFILE, ENFILE: return "too many open files"
        case EIO: return "an input/output error"
        case EXDEV: return "it is on another file system"
        default: return String(cString: strerror(error)).lowercased()
        }
    }

    /// Where the symbolic link at `path` points.
    static func linkTarget(_ path: String) -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink(path, &buffer, buffer.count - 1)
        return count < 0 ? "?" : String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The names in `directory` (not `.` and `..`); nothing when it cannot be read.
    static func names(in directory: String) -> [String] {
        entries(of: directory).map(\.name)
    }

    /// What under `directory` is not in `kept` (relative paths of regular files) nor a folder
    /// on the way to one of them: each such file, folder (`name/`), symbolic link or other
    /// entry, as a relative path, sorted.
    static func foreignEntries(under directory: String, keeping kept: Set<String>) -> [String] {
        var folders = Set<String>()
        for path in kept {
            var prefix = path[...]
            while let slash = prefix.lastIndex(of: "/") {
                prefix = prefix[..<slash]
                folders.insert(String(prefix))
            }
        }
        var foreign: [String] = []
        func walk(_ relative: String) {
            for (name, kind) in entries(of: relative.isEmpty ? directory : directory + "/" + relative) {
                let path = relative.isEmpty ? name : relative + "/" + name
                switch kind {
                case .directory: if folders.contains(path) { walk(path) } else { foreign.append(path + "/") }
                case .file: if !kept.contains(path) { foreign.append(path) }
                case .symlink, .other: foreign.append(path)
                }
            }
        }
        walk("")
        return foreign.sorted()
    }

    /// Regular files under `directory`, as relative paths in no particular order; nothing when
    /// it does not exist.
    static func files(under directory: String) -> [String] {
        var found: [String] = []
        walk(directory, prefix: "", into: &found)
        return found
    }

    private static func walk(_ directory: String, prefix: String, into found: inout [String]) {
        for (name, kind) in entries(of: directory) {
            if kind == .directory {
                walk(directory + "/" + name, prefix: prefix + name + "/", into: &found)
            } else if kind == .file {
                found.append(prefix + name)
            }
        }
    }

    private enum Kind { case directory, file, symlink, other }

    /// The entries of `directory` (not `.` and `..`) and their kinds; nothing when it cannot be read.
    private static func entries(of directory: String) -> [(name: String, kind: Kind)] {
        let folder = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return [] }
        defer { closeDescriptor(folder) }
        return entries(in: folder)
    }

    /// The entries of the open folder `folder` (which stays open), as `entries(of:)`.
    private static func entries(in folder: Int32) -> [(name: String, kind: Kind)] {
        let listing = dup(folder)
        guard listing >= 0, let handle = fdopendir(listing) else { return [] }
        defer { closedir(handle) }
        var found: [(name: String, kind: Kind)] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(cString: $0.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." { continue }
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var status = stat()
                guard fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFDIR: type = Int32(DT_DIR)
                case S_IFREG: type = Int32(DT_REG)
                case S_IFLNK: type = Int32(DT_LNK)
                default: type = 0
                }
            }
            switch type {
            case Int32(DT_DIR): found.append((name, .directory))
            case Int32(DT_REG): found.append((name, .file))
            case Int32(DT_LNK): found.append((name, .symlink))
            default: found.append((name, .other))
            }
        }
        return found
    }

    /// Whether the file at `path` is executable by its owner.
    static func isExecutable(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IXUSR != 0
    }

    /// The bytes of the file at `path`, or nil when it cannot be read.
    static func contents(of path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { return nil }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// An open folder, in which files are created by name (`openat`).
    struct Folder: Sendable {
        let path: String
        private let descriptor: Int32

        init(_ path: String) throws {
            descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { throw Failure("open folder", path) }
            self.path = path
        }

        /// Creates (or truncates) the file `name` in this folder with `bytes` and `mode`.
        func create(_ name: String, with bytes: [UInt8], mode: mode_t) throws {
            let file = openat(descriptor, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
            guard file >= 0 else { throw Failure("create", path + "/" + name) }
            defer { closeDescriptor(file) }
            try bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(file, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 { throw Failure("write", path + "/" + name) }
                    offset += written
                }
            }
        }

        /// Links this folder's file `name` into `folder` under the same name when it is a
        /// regular file with `mode`, linked nowhere else, holding exactly `bytes`; false (and
        /// nothing done) otherwise. A file that did not change is kept this way instead of
        /// being written again: no new inode, and removing the tree it came from frees nothing.
        func linkIfSame(_ name: String, _ bytes: [UInt8], mode: mode_t, into folder: Folder) -> Bool {
            let file = openat(descriptor, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard file >= 0 else { return false }
            defer { closeDescriptor(file) }
            var status = stat()
            guard fstat(file, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, (status.st_mode & 0o7777) == mode,
                status.st_nlink == 1, status.st_size == bytes.count
            else { return false }
            let same = bytes.withUnsafeBytes { expected -> Bool in
                var chunk = [UInt8](repeating: 0, count: min(max(expected.count, 1), 1 << 20))
                var offset = 0
                while offset < expected.count {
                    let count = chunk.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
                    guard count > 0, offset + count <= expected.count,
                        chunk.withUnsafeBytes({ memcmp($0.baseAddress!, expected.baseAddress! + offset, count) }) == 0
                    else { return false }
                    offset += count
                }
                return true
            }
            return same && linkat(descriptor, name, folder.descriptor, name, 0) == 0
        }

        func close() {
            closeDescriptor(descriptor)
        }
    }

    /// Creates `path` and its missing parents.
    static func makeDirectories(_ path: String) throws {
        var built = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            built += "/" + component
            if mkdir(built, 0o755) != 0 && errno != EEXIST { throw Failure("create folder", built) }
        }
    }

    /// Removes `path` and everything under it; a missing path is not an error. The folders
    /// directly under it are emptied on every core.
    static func removeTree(_ path: String) {
        let folder = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        guard folder >= 0 else {
            unlink(path)
            return
        }
        let subfolders = emptyFolder(folder)
        // Removing a file locks its folder: the cores take a folder each.
        DispatchQueue.concurrentPerform(iterations: subfolders.count) { index in
            let subfolder = openat(folder, subfolders[index], O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
            if subfolder >= 0 { removeContents(subfolder) }
        }
        for name in subfolders { unlinkat(folder, name, AT_REMOVEDIR) }
        closeDescriptor(folder)
        rmdir(path)
    }

    /// Removes everything in the open folder `folder`, and closes it.
    private static func removeContents(_ folder: Int32) {
        for name in emptyFolder(folder) {
            let subfolder = openat(folder, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
            if subfolder >= 0 { removeContents(subfolder) }
            unlinkat(folder, name, AT_REMOVEDIR)
        }
        closeDescriptor(folder)
    }

    /// Unlinks every entry of the open folder `folder` but its folders, and returns their
    /// names. The folder stays open.
    private static func emptyFolder(_ folder: Int32) -> [String] {
        var folders: [String] = []
        for (name, kind) in entries(in: folder) {
            if kind == .directory { folders.append(name) } else { unlinkat(folder, name, 0) }
        }
        return folders
    }
}

/// `close(2)`, for a type whose own `close` hides it.
private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}

extension Error {
    /// Why a file operation failed, in words: a `PosixFiles.Failure`'s reason, or the
    /// error's own description.
    var reason: String { (self as? PosixFiles.Failure)?.reason ?? "\(self)" }
}
