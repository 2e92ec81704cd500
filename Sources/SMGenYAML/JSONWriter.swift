/// Serialises a `YAMLValue` as JSON the way Python's `json.dumps(indent=2, ensure_ascii=False)`
/// does: 2-space indent, `": "` after keys, keys in the order the map was built, a final newline.
public enum JSONWriter {
    public static func write(_ value: YAMLValue) -> String {
        var out = ""
        out.reserveCapacity(1024)
        write(value, indent: 0, into: &out)
        out += "\n"
        return out
    }

    /// The JSON without any whitespace outside strings (how IAM counts a policy's size).
    public static func compact(_ value: YAMLValue) -> String {
        var out = ""
        write(value, indent: nil, into: &out)
        return out
    }

    /// A number as JSON and YAML write it: integral values keep one decimal (`1.0`).
    public static func format(_ number: Double) -> String {
        precondition(number.isFinite, "JSON has no infinities or NaN")
        return String(describing: number)
    }

    /// A line break and `indent` spaces; nothing in compact form (`indent` nil).
    private static func newline(_ indent: Int?, into out: inout String) {
        guard let indent else { return }
        out += "\n"
        for _ in 0..<indent { out.append(" ") }
    }

    private static func write(_ value: YAMLValue, indent: Int?, into out: inout String) {
        let inner = indent.map { $0 + 2 }
        switch value {
        case .string(let text): quote(text, into: &out)
        case .int(let number): out += String(number)
        case .double(let number): out += format(number)
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .tagged: preconditionFailure("YAML tags have no JSON form")
        case .list(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                newline(inner, into: &out)
                write(item, indent: inner, into: &out)
            }
            newline(indent, into: &out)
            out += "]"
        case .map(let entries):
            if entries.isEmpty { out += "{}"; return }
            out += "{"
            for (index, entry) in entries.enumerated() {
                if index > 0 { out += "," }
                newline(inner, into: &out)
                quote(entry.key, into: &out)
                out += indent == nil ? ":" : ": "
                write(entry.value, indent: inner, into: &out)
            }
            newline(indent, into: &out)
            out += "}"
        }
    }

    /// A JSON string literal; control characters and the JavaScript line separators escaped.
    public static func quote(_ text: String, into out: inout String) {
        out += "\""
        // Fast path: nothing to escape (no quote, backslash, control character or U+2028/2029).
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += "\\u" + ScalarQuoting.hex(scalar.value, digits: 4).lowercased()
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
