/// The files of one environment's output tree, by path relative to `<output>/<env>/`.
public struct RenderedTree: Sendable {
    /// Each file's UTF-8 bytes.
    public var files: [String: [UInt8]]
}
