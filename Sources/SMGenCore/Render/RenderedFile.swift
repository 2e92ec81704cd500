/// A file handed to a sink: its path, size and SHA-256 (computed while its bytes are fresh
/// in the cache; empty when the sink keeps nothing), for the manifest.
struct RenderedFile: Sendable {
    let path: String
    let size: Int
    let sha256: String
}
