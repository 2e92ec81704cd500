#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// The permissions of each file of an output tree: the scripts are executable
/// (`scripts/*.sh`, run as `scripts/deploy.sh`), every other file is plain data.
enum FileMode {
    static let script: mode_t = 0o755
    static let data: mode_t = 0o644

    /// The mode the file at `path` (relative to its environment's folder) is written with.
    static func of(_ path: String) -> mode_t {
        path.hasPrefix("scripts/") && path.hasSuffix(".sh") ? script : data
    }
}
