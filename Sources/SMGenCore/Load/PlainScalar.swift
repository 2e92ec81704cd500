/// What a plain (unquoted, untagged) YAML scalar means to a YAML 1.1 reader such as PyYAML,
/// and so to every tool that reads smgen.yaml besides smgen.
enum PlainScalar: Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case otherNumber
    case timestamp
    case string

    private static let trueWords: Set<String> = [
        "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y",
    ]
    private static let falseWords: Set<String> = [
        "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N",
    ]

    static func classify(_ text: String) -> PlainScalar {
        guard let first = text.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return classifyNumeric(text)
        case UInt8(ascii: "~"):
            return text == "~" ? .null : .string
        default:
            if text == "null" || text == "Null" || text == "NULL" { return .null }
            if trueWords.contains(text) { return .bool(true) }
            if falseWords.contains(text) { return .bool(false) }
            return .string
        }
    }

    private static func classifyNumeric(_ text: String) -> PlainScalar {
        let bytes = Array(text.utf8)
        var body = bytes[...]
        if let sign = body.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { body = body.dropFirst() }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        guard !body.isEmpty else { return .string }
        if body.allSatisfy(isDigit) {
            return Int(text).map { .int($0) } ?? .otherNumber
        }
        let lower = String(decoding: body, as: UTF8.self).lowercased()
        if lower == ".inf" || lower == ".nan" { return .otherNumber }
        guard body.contains(where: isDigit) else { return .string }
        if bytes.count >= 8, bytes[0...3].allSatisfy(isDigit), bytes[4] == UInt8(ascii: "-") { return .timestamp }
        if lower.hasPrefix("0x") || lower.hasPrefix("0o") || lower.hasPrefix("0b") {
            return lower.dropFirst(2).allSatisfy { $0.isHexDigit || $0 == "_" } ? .otherNumber : .string
        }
        let numberSigns: Set<Character> = [
            "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "_", ".", "e", "+", "-", ":",
        ]
        return lower.allSatisfy { numberSigns.contains($0) } ? .otherNumber : .string
    }

}
