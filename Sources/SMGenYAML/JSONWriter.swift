/// Serialises a `YAMLValue` as JSON the way Python's `json.dumps(indent=2, ensure_ascii=False)`
/// does: 2-space indent, `": "` after keys, keys in the order the map was built, a final newline.
public enum JSONWriter {
    public static func write(_ value: YAMLValue) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(value, indent: 0, into: &out)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// The JSON without any whitespace outside strings (how IAM counts a policy's size).
    public static func compact(_ value: YAMLValue) -> String {
        var out: [UInt8] = []
        write(value, indent: nil, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// A number as JSON and YAML write it: integral values keep one decimal (`1.0`).
    public static func format(_ number: Double) -> String {
        precondition(number.isFinite, "JSON has no infinities or NaN")
        return String(describing: number)
    }

    /// A line break and `indent` spaces; nothing in compact form (`indent` nil).
    private static func newline(_ indent: Int?, into out: inout [UInt8]) {
        guard let indent else { return }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: indent))
    }

    private static func write(_ value: YAMLValue, indent: Int?, into out: inout [UInt8]) {
        let inner = indent.map { $0 + 2 }
        switch value {
        case .string(let text): quote(text, into: &out)
        case .int(let number): out.write(String(number))
        case .double(let number): out.write(format(number))
        case .bool(let flag): out.write(flag ? "true" : "false")
        case .null: out.write("null")
        case .tagged: preconditionFailure("YAML tags have no JSON form")
        case .list(let items):
            if items.isEmpty { out.write("[]"); return }
            out.write("[")
            for (index, item) in items.enumerated() {
                if index > 0 { out.write(",") }
                newline(inner, into: &out)
                write(item, indent: inner, into: &out)
            }
            newline(indent, into: &out)
            out.write("]")
        case .map(let entries):
            if entries.isEmpty { out.write("{}"); return }
            out.write("{")
            for (index, entry) in entries.enumerated() {
                if index > 0 { out.write(",") }
                newline(inner, into: &out)
                quote(entry.key, into: &out)
                out.write(indent == nil ? ":" : ": ")
                write(entry.value, indent: inner, into: &out)
            }
            newline(indent, into: &out)
            out.write("}")
        }
    }

    /// A JSON string literal; control characters and the JavaScript line separators escaped.
    static func quote(_ text: String, into out: inout [UInt8]) {
        out.write("\"")
        // Fast path: nothing to escape (no quote, backslash, control character or U+2028/2029).
        var plain = true
        for byte in text.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 {
            plain = false
            break
        }
        if plain {
            out.write(text)
            out.write("\"")
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.write("\\\"")
            case "\\": out.write("\\\\")
            case "\n": out.write("\\n")
            case "\r": out.write("\\r")
            case "\t": out.write("\\t")
            case "\u{08}": out.write("\\b")
            case "\u{0C}": out.write("\\f")
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out.write("\\u" + ScalarQuoting.hex(scalar.value, digits: 4).lowercased())
                } else {
                    out.write(String(scalar))
                }
            }
        }
        out.write("\"")
    }
}

extension [UInt8] {
    /// Appends `text`'s UTF-8 bytes: the writers build their output as bytes, not as a String.
    @inline(__always)
    mutating func write(_ text: some StringProtocol) {
        append(contentsOf: text.utf8)
    }
}
