internal import CLibYAML

/// Parses YAML text through libyaml's event API into a tree of `YAMLNode`s.
///
/// - Marks are 1-based on every node, keys included.
/// - Duplicate keys are reported with both positions (the first one is kept, parsing goes on).
/// - Aliases are resolved; the total number of nodes after expansion is bounded, so an
///   alias bomb fails fast in bounded memory.
/// - Collections nest at most `maxDepth` deep: deeper input fails at the collection that
///   goes too deep, before any of it is built.
/// - Merge keys (`<<`) are applied; keys written in the mapping win over merged ones.
/// - Input that is not UTF-8, or holds more than one document, is rejected.
public struct YAMLParser {
    /// Nodes a document may expand to (aliases counted at their full size).
    public var maxNodes: Int
    /// How deep collections may nest.
    public var maxDepth: Int

    public init(maxNodes: Int = 2_000_000, maxDepth: Int = 64) {
        self.maxNodes = maxNodes
        self.maxDepth = maxDepth
    }

    public func parse(_ bytes: [UInt8]) -> YAMLParseResult {
        if let offset = Self.firstInvalidUTF8Offset(bytes) {
            let hex = String(bytes[offset], radix: 16, uppercase: true)
            let message = "the file is not valid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex) at offset \(offset))"
            return YAMLParseResult(
                root: nil, errors: [YAMLError(mark: .of(offset: offset, in: bytes), message: message)])
        }
        var builder = TreeBuilder(maxNodes: maxNodes, maxDepth: maxDepth)
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) != 0 else {
            return YAMLParseResult(
                root: nil,
                errors: [YAMLError(mark: Mark(line: 1, column: 1), message: "cannot initialise the YAML parser")])
        }
        defer { yaml_parser_delete(parser) }
        bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(parser, &event) != 0 else {
                    builder.fail(Self.syntaxError(parser.pointee, bytes: bytes))
                    return
                }
                let done = event.type == YAML_STREAM_END_EVENT
                builder.handle(&event)
                yaml_event_delete(&event)
                if done || builder.stopped { return }
            }
        }
        return YAMLParseResult(root: builder.fatal == nil ? builder.root : nil, errors: builder.errors)
    }

    private static func syntaxError(_ parser: yaml_parser_t, bytes: [UInt8]) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown YAML error"
        var message = "YAML syntax error: \(problem)"
        if let context = parser.context {
            message +=
                " (\(String(cString: context)) at line \(parser.context_mark.line + 1), column \(parser.context_mark.column + 1))"
        }
        let mark = Mark(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
        let offset = Int(parser.problem_mark.index)
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "\t") {
            message += "; YAML does not allow tabs for indentation, use spaces"
        }
        return YAMLError(mark: mark, message: message)
    }

    /// The offset of the first byte that breaks UTF-8, or nil for valid UTF-8.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var scalar: UInt32
            switch byte {
            case 0xC2...0xDF:
                length = 2
                scalar = UInt32(byte & 0x1F)
            case 0xE0...0xEF:
                length = 3
                scalar = UInt32(byte & 0x0F)
            case 0xF0...0xF4:
                length = 4
                scalar = UInt32(byte & 0x07)
            default: return index
            }
            guard index + length <= count else { return index }
            for next in 1..<length {
                let continuation = bytes[index + next]
                guard continuation & 0xC0 == 0x80 else { return index }
                scalar = scalar << 6 | UInt32(continuation & 0x3F)
            }
            let minimum: UInt32 = length == 3 ? 0x800 : (length == 4 ? 0x10000 : 0x80)
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
            index += length
        }
        return nil
    }
}

/// A collection being built, with the size (in nodes, aliases expanded) of what it holds so far.
private final class Frame {
    let isMapping: Bool
    let mark: Mark
    let tag: String?
    let anchor: String?
    var items: [YAMLNode] = []
    var pairs: [YAMLPair] = []
    var keys: [String: Mark] = [:]
    var pendingKey: YAMLNode?
    var weight = 1

    init(isMapping: Bool, mark: Mark, tag: String?, anchor: String?) {
        self.isMapping = isMapping
        self.mark = mark
        self.tag = tag
        self.anchor = anchor
    }
}

/// Turns the event stream into nodes. One instance per parse.
private struct TreeBuilder {
    let maxNodes: Int
    let maxDepth: Int
    private var stack: [Frame] = []
    /// Whether an alias was expanded: what a document too large is blamed on.
    private var sawAlias = false
    private var anchors: [String: (node: YAMLNode, weight: Int)] = [:]
    private var expanded = 0
    private var documents = 0
    private(set) var root: YAMLNode?
    private(set) var errors: [YAMLError] = []
    private(set) var fatal: YAMLError?
    var stopped: Bool { fatal != nil }

    init(maxNodes: Int, maxDepth: Int) {
        self.maxNodes = maxNodes
        self.maxDepth = maxDepth
    }

    /// Opens a collection, or fails when it nests too deep.
    private mutating func open(_ frame: Frame) {
        guard stack.count < maxDepth else {
            fail(
                YAMLError(
                    mark: frame.mark,
                    message:
                        "the document nests collections more than \(maxDepth) levels deep here; smgen reads configs nested far less"
                ))
            return
        }
        stack.append(frame)
    }

    mutating func fail(_ error: YAMLError) {
        fatal = error
        errors.append(error)
    }

    mutating func handle(_ event: inout yaml_event_t) {
        let mark = Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                fail(
                    YAMLError(
                        mark: mark, message: "the file holds more than one YAML document; smgen reads exactly one"))
            }
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let text = Self.string(data.value, length: data.length)
            let style: ScalarStyle
            switch data.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            let node = YAMLNode(kind: .scalar(text, style), mark: mark, tag: Self.tag(data.tag))
            add(node, weight: 1, anchor: Self.optionalString(data.anchor), cost: 1)
        case YAML_ALIAS_EVENT:
            let name = Self.optionalString(event.data.alias.anchor) ?? ""
            guard let target = anchors[name] else {
                fail(
                    YAMLError(
                        mark: mark, message: "unknown alias '*\(name)': no anchor '&\(name)' is defined before it"))
                return
            }
            let node = YAMLNode(kind: target.node.kind, mark: mark, tag: target.node.tag)
            sawAlias = true
            add(node, weight: target.weight, anchor: nil, cost: target.weight)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            open(Frame(isMapping: false, mark: mark, tag: Self.tag(data.tag), anchor: Self.optionalString(data.anchor)))
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            open(Frame(isMapping: true, mark: mark, tag: Self.tag(data.tag), anchor: Self.optionalString(data.anchor)))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return }
            let kind: YAMLNode.Kind = frame.isMapping ? .mapping(applyMergeKeys(frame.pairs)) : .sequence(frame.items)
            add(
                YAMLNode(kind: kind, mark: frame.mark, tag: frame.tag), weight: frame.weight, anchor: frame.anchor,
                cost: 1)
        default:
            break
        }
    }

    /// Adds a finished node to the collection being built (or makes it the root).
    /// `weight` is the node's size with aliases expanded; `cost` is what it adds to the
    /// document's expanded size now (a collection's children were counted as they came).
    private mutating func add(_ node: YAMLNode, weight: Int, anchor: String?, cost: Int) {
        guard fatal == nil else { return }
        expanded += cost
        if expanded > maxNodes {
            fail(
                YAMLError(
                    mark: node.mark,
                    message: sawAlias
                        ? "the document expands to more than \(maxNodes) nodes through aliases; refusing to expand it (an alias bomb?)"
                        : "the document has more than \(maxNodes) nodes; smgen reads configs far smaller"
                ))
            return
        }
        if let anchor { anchors[anchor] = (node, weight) }
        guard let top = stack.last else {
            root = node
            return
        }
        top.weight += weight
        guard top.isMapping else {
            top.items.append(node)
            return
        }
        guard let key = top.pendingKey else {
            top.pendingKey = node
            return
        }
        top.pendingKey = nil
        if let text = key.scalar, !Self.isMergeKey(key) {
            if let first = top.keys[text] {
                errors.append(
                    YAMLError(
                        mark: key.mark,
                        message: "duplicate key '\(text)' (first defined at line \(first.line), column \(first.column))"
                    ))
                return
            }
            top.keys[text] = key.mark
        }
        top.pairs.append(YAMLPair(key: key, value: node))
    }

    private static func isMergeKey(_ key: YAMLNode) -> Bool {
        guard case .scalar("<<", .plain) = key.kind else { return false }
        return key.tag == nil || key.tag == "tag:yaml.org,2002:merge"
    }

    /// Replaces each `<<` entry by the entries of the mapping(s) it names, skipping keys
    /// already present (explicit keys win; among merged mappings the first wins).
    private mutating func applyMergeKeys(_ pairs: [YAMLPair]) -> [YAMLPair] {
        guard pairs.contains(where: { Self.isMergeKey($0.key) }) else { return pairs }
        var seen = Set(pairs.compactMap { Self.isMergeKey($0.key) ? nil : $0.key.scalar })
        var result: [YAMLPair] = []
        for pair in pairs {
            guard Self.isMergeKey(pair.key) else {
                result.append(pair)
                continue
            }
            let sources: [YAMLNode]
            switch pair.value.kind {
            case .mapping: sources = [pair.value]
            case .sequence(let items): sources = items
            case .scalar:
                errors.append(
                    YAMLError(mark: pair.value.mark, message: "merge key '<<' expects a mapping or a list of mappings"))
                continue
            }
            for source in sources {
                guard case .mapping(let merged) = source.kind else {
                    errors.append(
                        YAMLError(mark: source.mark, message: "merge key '<<' expects a mapping or a list of mappings"))
                    continue
                }
                for entry in merged {
                    guard let key = entry.key.scalar, !seen.contains(key) else { continue }
                    seen.insert(key)
                    result.append(entry)
                }
            }
        }
        return result
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
        guard let pointer, length > 0 else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private static func optionalString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func tag(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let tag = optionalString(pointer), tag != "!" else { return nil }
        return tag
    }
}
