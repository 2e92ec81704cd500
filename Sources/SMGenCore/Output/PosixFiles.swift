#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file operations the writer needs, straight on POSIX calls: a tree of thousands of
/// small files is written, listed and removed without Foundation's per-path overhead.
enum PosixFiles {
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ action: String, _ path: String) {
            description = "cannot \(action) \(path): \(String(cString: strerror(errno)))"
        }
    }

    /// Regular files under `directory`, as relative paths in no particular order; nothing when
    /// it does not exist.
    static func files(under directory: String) -> [String] {
        var found: [String] = []
        walk(directory, prefix: "", into: &found)
        return found
    }

    private static func walk(_ directory: String, prefix: String, into found: inout [String]) {
        guard let handle = opendir(directory) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name == "." || name == ".." { continue }
            let path = directory + "/" + name
            var kind = Int32(entry.pointee.d_type)
            if kind == Int32(DT_UNKNOWN) {
                var status = stat()
                guard lstat(path, &status) == 0 else { continue }
                kind = (status.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : ((status.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : 0)
            }
            if kind == Int32(DT_DIR) {
                walk(path, prefix: prefix + name + "/", into: &found)
            } else if kind == Int32(DT_REG) {
                found.append(prefix + name)
            }
        }
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

    /// Whether `bytes` are exactly `text`'s UTF-8 bytes.
    static func same(_ bytes: [UInt8], _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            bytes.withUnsafeBytes { stored in
                stored.count == utf8.count && (utf8.isEmpty || memcmp(stored.baseAddress!, utf8.baseAddress!, utf8.count) == 0)
            }
        }
    }

    /// Creates (or truncates) the file at `path` with `text`'s UTF-8 bytes.
    static func create(_ path: String, with text: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure("create", path) }
        defer { close(descriptor) }
        var text = text
        try text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 { throw Failure("write", path) }
                offset += written
            }
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

    /// Removes `path` and everything under it; a missing path is not an error.
    static func removeTree(_ path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            if let handle = opendir(path) {
                var names: [String] = []
                while let entry = readdir(handle) {
                    let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                    if name != "." && name != ".." { names.append(name) }
                }
                closedir(handle)
                for name in names { removeTree(path + "/" + name) }
            }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}
