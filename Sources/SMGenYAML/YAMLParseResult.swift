/// The result of parsing one YAML text: the document's root (nil when the text holds no
/// document or a fatal error stopped the parse) and every problem found.
public struct YAMLParseResult: Sendable {
    public let root: YAMLNode?
    public let errors: [YAMLError]
}
