import SMGenYAML

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a config's bytes: from its file, or from standard input when the path is `-`.
enum ConfigFile {
    /// What diagnostics call a config read from standard input.
    static let standardInput = "<stdin>"
    /// The largest config read, in bytes: a 1,000-project org's is under 1 MB, and a larger
    /// one would take memory out of proportion (its tree, its diagnostics) for nothing.
    static let maxBytes = 16 << 20

    /// The name diagnostics and generated files give the config at `path`.
    static func name(_ path: String) -> String { path == "-" ? standardInput : path }

    /// What reading a config gave.
    enum Read {
        case bytes([UInt8])
        /// Why it cannot be read, as a diagnostic at its first line.
        case unreadable(Diagnostic)
    }

    /// The bytes at `path`, or why they cannot be read.
    static func read(_ path: String) -> Read {
        let file = path == "-" ? dup(STDIN_FILENO) : open(path, O_RDONLY | O_CLOEXEC)
        func failure(_ reason: String) -> Read {
            .unreadable(
                Diagnostic(
                    .error, file: name(path), mark: Mark(line: 1, column: 1),
                    message: "cannot read the config file: \(reason)"))
        }
        guard file >= 0 else { return failure(PosixFiles.reason(errno)) }
        defer { close(file) }
        var status = stat()
        if fstat(file, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            return failure("it is a folder, not a file")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(file, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return failure(PosixFiles.reason(errno))
            }
            if count == 0 { return .bytes(bytes) }
            bytes.append(contentsOf: chunk[..<count])
            if bytes.count > maxBytes {
                return failure("it is larger than \(maxBytes >> 20) MB, far beyond any platform's config")
            }
        }
    }
}
