/// Serialises a `YAMLValue` as block-style YAML: 2-space indent, sequences indented under
/// their key, no line folding, local tags (`!Ref`), and quoting chosen by `ScalarQuoting`.
public enum YAMLWriter {
    /// The YAML text of `value`, after `header` lines written as `# ` comments.
    public static func write(_ value: YAMLValue, header: [String] = []) -> String {
        String(decoding: bytes(value, header: header), as: UTF8.self)
    }

    /// The UTF-8 bytes of `write(value, header:)`.
    public static func bytes(_ value: YAMLValue, header: [String] = []) -> [UInt8] {
        var out = ByteOutput(capacity: 16_384)
        for line in header {
            out.append(UInt8(ascii: "#"))
            if !line.isEmpty {
                out.append(UInt8(ascii: " "))
                out.write(line)
            }
            out.append(0x0A)
        }
        switch value {
        case .map(let entries) where !entries.isEmpty:
            writeMap(entries, indent: 0, inline: false, into: &out)
        case .list(let items) where !items.isEmpty:
            writeList(items, indent: 0, inline: false, into: &out)
        default:
            let start = out.count
            writeNested(value, indent: 0, into: &out)
            out.remove(at: start)
        }
        return out.bytes()
    }

    /// Writes map entries at `indent`; with `inline` the first key follows a `- ` already written.
    private static func writeMap(_ entries: [YAMLEntry], indent: Int, inline: Bool, into out: inout ByteOutput) {
        for index in entries.indices {
            if index > 0 || !inline { out.writeSpaces(indent) }
            key(entries[index].key, into: &out)
            out.append(UInt8(ascii: ":"))
            writeNested(entries[index].value, indent: indent + 2, into: &out)
        }
    }

    /// Writes list items at `indent`; with `inline` the first `- ` follows text already written.
    private static func writeList(_ items: [YAMLValue], indent: Int, inline: Bool, into out: inout ByteOutput) {
        for index in items.indices {
            if index > 0 || !inline { out.writeSpaces(indent) }
            out.append(UInt8(ascii: "-"))
            let item = items[index]
            switch item {
            case .map(let entries) where !entries.isEmpty:
                out.append(UInt8(ascii: " "))
                writeMap(entries, indent: indent + 2, inline: true, into: &out)
            default:
                writeNested(item, indent: indent + 2, into: &out)
            }
        }
    }

    /// Writes a value that follows `key:` or `-` on the same line; collections continue on
    /// the next lines at `indent`.
    private static func writeNested(_ value: YAMLValue, indent: Int, into out: inout ByteOutput) {
        switch value {
        case .map(let entries):
            if entries.isEmpty {
                out.write(" {}\n")
                return
            }
            out.append(0x0A)
            writeMap(entries, indent: indent, inline: false, into: &out)
        case .list(let items):
            if items.isEmpty {
                out.write(" []\n")
                return
            }
            out.append(0x0A)
            writeList(items, indent: indent, inline: false, into: &out)
        case .tagged(let tag, let inner):
            out.append(UInt8(ascii: " "))
            out.write(tag)
            writeNested(inner, indent: indent, into: &out)
        default:
            out.append(UInt8(ascii: " "))
            scalar(value, indent: indent, into: &out)
            out.append(0x0A)
        }
    }

    private static func key(_ text: String, into out: inout ByteOutput) {
        switch ScalarQuoting.style(for: text, allowLiteral: false) {
        case .plain: out.write(text)
        case .singleQuoted: ScalarQuoting.writeSingleQuoted(text, into: &out)
        case .doubleQuoted, .literal: ScalarQuoting.writeDoubleQuoted(text, into: &out)
        }
    }

    private static func scalar(_ value: YAMLValue, indent: Int, into out: inout ByteOutput) {
        switch value {
        case .string(let text):
            switch ScalarQuoting.style(for: text, allowLiteral: true) {
            case .plain: out.write(text)
            case .singleQuoted: ScalarQuoting.writeSingleQuoted(text, into: &out)
            case .doubleQuoted: ScalarQuoting.writeDoubleQuoted(text, into: &out)
            case .literal: literal(text, indent: indent, into: &out)
            }
        case .int(let number): out.writeDecimal(number)
        case .double(let number): out.write(JSONWriter.format(number))
        case .bool(let flag): out.write(flag ? "true" : "false")
        case .null: out.write("null")
        case .map, .list, .tagged: preconditionFailure("collections are written by writeNested")
        }
    }

    /// A `|` block: `|-` without a final line feed, `|` with one, `|+` with more.
    private static func literal(_ text: String, indent: Int, into out: inout ByteOutput) {
        text.withUTF8Bytes { bytes in
            var end = bytes.count
            while end > 0 && bytes[end - 1] == 0x0A { end -= 1 }
            let trailing = bytes.count - end
            out.write(trailing == 0 ? "|-" : (trailing == 1 ? "|" : "|+"))
            for line in bytes[..<end].split(separator: 0x0A, omittingEmptySubsequences: false) {
                out.append(0x0A)
                if !line.isEmpty {
                    out.writeSpaces(indent)
                    out.append(UnsafeBufferPointer(rebasing: line))
                }
            }
            for _ in 1..<max(trailing, 1) { out.append(0x0A) }
        }
    }
}
