/// Serialises a `YAMLValue` as JSON the way Python's `json.dumps(indent=2, ensure_ascii=False)`
/// does: 2-space indent, `": "` after keys, keys in the order the map was built, a final newline.
public enum JSONWriter {
    /// The text a tagged value (`!Sub ...`) is written as: JSON has no tags, so a value
    /// with tags is written only with a function that hands `emit` the UTF-8 pieces of the
    /// string each stands for, in order (so that it is written and sized without being built).
    public typealias TagText = (_ tag: String, _ inner: YAMLValue, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) -> Void

    public static func write(_ value: YAMLValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    /// The UTF-8 bytes of `write(value)`, each tagged value written as the string `tags` gives.
    public static func bytes(_ value: YAMLValue, tags: TagText? = nil) -> [UInt8] {
        var out = ByteOutput(capacity: 4096)
        write(value, indent: 0, tags: tags, into: &out)
        out.append(0x0A)
        return out.bytes()
    }

    /// The JSON without any whitespace outside strings (how IAM counts a policy's size).
    public static func compact(_ value: YAMLValue) -> String {
        var out = ByteOutput(capacity: 1024)
        write(value, indent: nil, tags: nil, into: &out)
        return String(decoding: out.bytes(), as: UTF8.self)
    }

    /// The size in bytes of `compact(value)`, counted without writing it (each tagged value
    /// as the string `tags` gives).
    public static func compactSize(_ value: YAMLValue, tags: TagText? = nil) -> Int {
        switch value {
        case .string(let text): return quotedSize(text)
        case .int(let number): return String(number).utf8.count
        case .double(let number): return format(number).utf8.count
        case .bool(let flag): return flag ? 4 : 5
        case .null: return 4
        case .tagged(let tag, let inner):
            guard let tags else { preconditionFailure("YAML tags have no JSON form") }
            var size = 2
            tags(tag, inner) { size += escapedSize($0) }
            return size
        case .list(let items):
            // `[` items joined by `,` `]`
            return items.reduce(max(items.count - 1, 0) + 2) { $0 + compactSize($1, tags: tags) }
        case .map(let entries):
            // `{` `"key":value` joined by `,` `}`
            return entries.reduce(max(entries.count - 1, 0) + 2) {
                $0 + quotedSize($1.key) + 1 + compactSize($1.value, tags: tags)
            }
        }
    }

    /// The size in bytes of `text` as a JSON string literal.
    private static func quotedSize(_ text: String) -> Int {
        text.withUTF8Bytes(escapedSize) + 2
    }

    /// A number as JSON and YAML write it: integral values keep one decimal (`1.0`).
    public static func format(_ number: Double) -> String {
        precondition(number.isFinite, "JSON has no infinities or NaN")
        return String(describing: number)
    }

    /// A line break and `indent` spaces; nothing in compact form (`indent` nil).
    @inline(__always)
    private static func newline(_ indent: Int?, into out: inout ByteOutput) {
        guard let indent else { return }
        out.append(0x0A)
        out.writeSpaces(indent)
    }

    private static func write(_ value: YAMLValue, indent: Int?, tags: TagText?, into out: inout ByteOutput) {
        let inner = indent.map { $0 + 2 }
        switch value {
        case .string(let text): quote(text, into: &out)
        case .int(let number): out.writeDecimal(number)
        case .double(let number): out.write(format(number))
        case .bool(let flag): out.write(flag ? "true" : "false")
        case .null: out.write("null")
        case .tagged(let tag, let inner):
            guard let tags else { preconditionFailure("YAML tags have no JSON form") }
            out.append(UInt8(ascii: "\""))
            tags(tag, inner) { escape($0, into: &out) }
            out.append(UInt8(ascii: "\""))
        case .list(let items):
            if items.isEmpty {
                out.write("[]")
                return
            }
            out.append(UInt8(ascii: "["))
            for index in items.indices {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(inner, into: &out)
                write(items[index], indent: inner, tags: tags, into: &out)
            }
            newline(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        case .map(let entries):
            if entries.isEmpty {
                out.write("{}")
                return
            }
            out.append(UInt8(ascii: "{"))
            for index in entries.indices {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(inner, into: &out)
                quote(entries[index].key, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                write(entries[index].value, indent: inner, tags: tags, into: &out)
            }
            newline(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string literal; control characters and the JavaScript line separators escaped.
    static func quote(_ text: String, into out: inout ByteOutput) {
        out.append(UInt8(ascii: "\""))
        text.withUTF8Bytes { escape($0, into: &out) }
        out.append(UInt8(ascii: "\""))
    }

    /// Whether `bytes` (UTF-8) go into a JSON string unchanged: no quote, backslash, control
    /// character or lead byte of U+2028/2029.
    @inline(__always)
    private static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // One pass, without a branch a byte (most strings hold none of these).
        special.withUnsafeBufferPointer { special in
            var found: UInt8 = 0
            for byte in bytes { found |= special[Int(byte)] }
            return found == 0
        }
    }

    /// 1 for the bytes `isPlain` looks for, 0 for the others.
    private static let special: [UInt8] = (0..<256).map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 ? 1 : 0 }

    /// The escape of `bytes[index]` (and of the three bytes of U+2028/2029 it may start), or
    /// nil when it is written as it is; `length` is how many bytes it stands for.
    private static func escapeSequence(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (
        text: StaticString, length: Int
    )? {
        switch bytes[index] {
        case 0x22: return ("\\\"", 1)
        case 0x5C: return ("\\\\", 1)
        case 0x0A: return ("\\n", 1)
        case 0x0D: return ("\\r", 1)
        case 0x09: return ("\\t", 1)
        case 0x08: return ("\\b", 1)
        case 0x0C: return ("\\f", 1)
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA8:
            return ("\\u2028", 3)
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA9:
            return ("\\u2029", 3)
        default: return nil
        }
    }

    /// Appends the UTF-8 `bytes` as the inside of a JSON string literal.
    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout ByteOutput) {
        if isPlain(bytes) {
            out.append(bytes)
            return
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if let (text, length) = escapeSequence(bytes, at: index) {
                out.write(text)
                index += length
            } else if byte < 0x20 {
                out.write("\\u" + ScalarQuoting.hex(UInt32(byte), digits: 4).lowercased())
                index += 1
            } else {
                out.append(byte)
                index += 1
            }
        }
    }

    /// The size in bytes of `escape(bytes)`'s output.
    private static func escapedSize(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if isPlain(bytes) { return bytes.count }
        var size = 0
        var index = 0
        while index < bytes.count {
            if let (text, length) = escapeSequence(bytes, at: index) {
                size += text.utf8CodeUnitCount
                index += length
            } else {
                size += bytes[index] < 0x20 ? 6 : 1
                index += 1
            }
        }
        return size
    }
}
