/// Serialises a `YAMLValue` as block-style YAML: 2-space indent, sequences indented under
/// their key, no line folding, local tags (`!Ref`), and quoting chosen by `ScalarQuoting`.
public enum YAMLWriter {
    /// The YAML text of `value`, after `header` lines written as `# ` comments.
    public static func write(_ value: YAMLValue, header: [String] = []) -> String {
        var out = ""
        out.reserveCapacity(4096)
        for line in header { out += line.isEmpty ? "#\n" : "# \(line)\n" }
        switch value {
        case .map(let entries) where !entries.isEmpty:
            writeMap(entries, indent: 0, inline: false, into: &out)
        case .list(let items) where !items.isEmpty:
            writeList(items, indent: 0, inline: false, into: &out)
        default:
            writeNested(value, indent: 0, into: &out)
            out.removeFirst()
        }
        return out
    }

    private static let indentation = (0...64).map { String(repeating: " ", count: $0) }

    private static func spaces(_ count: Int, into out: inout String) {
        out += count < indentation.count ? indentation[count] : String(repeating: " ", count: count)
    }

    /// Writes map entries at `indent`; with `inline` the first key follows a `- ` already written.
    private static func writeMap(_ entries: [YAMLEntry], indent: Int, inline: Bool, into out: inout String) {
        for (index, entry) in entries.enumerated() {
            if index > 0 || !inline { spaces(indent, into: &out) }
            out += key(entry.key)
            out += ":"
            writeNested(entry.value, indent: indent + 2, into: &out)
        }
    }

    /// Writes list items at `indent`; with `inline` the first `- ` follows text already written.
    private static func writeList(_ items: [YAMLValue], indent: Int, inline: Bool, into out: inout String) {
        for (index, item) in items.enumerated() {
            if index > 0 || !inline { spaces(indent, into: &out) }
            out += "-"
            switch item {
            case .map(let entries) where !entries.isEmpty:
                out += " "
                writeMap(entries, indent: indent + 2, inline: true, into: &out)
            default:
                writeNested(item, indent: indent + 2, into: &out)
            }
        }
    }

    /// Writes a value that follows `key:` or `-` on the same line; collections continue on
    /// the next lines at `indent`.
    private static func writeNested(_ value: YAMLValue, indent: Int, into out: inout String) {
        switch value {
        case .map(let entries):
            if entries.isEmpty { out += " {}\n"; return }
            out += "\n"
            writeMap(entries, indent: indent, inline: false, into: &out)
        case .list(let items):
            if items.isEmpty { out += " []\n"; return }
            out += "\n"
            writeList(items, indent: indent, inline: false, into: &out)
        case .tagged(let tag, let inner):
            out += " " + tag
            writeNested(inner, indent: indent, into: &out)
        default:
            out += " "
            scalar(value, indent: indent, into: &out)
            out += "\n"
        }
    }

    private static func key(_ text: String) -> String {
        switch ScalarQuoting.style(for: text, allowLiteral: false) {
        case .plain: return text
        case .singleQuoted: return ScalarQuoting.singleQuoted(text)
        case .doubleQuoted, .literal: return ScalarQuoting.doubleQuoted(text)
        }
    }

    private static func scalar(_ value: YAMLValue, indent: Int, into out: inout String) {
        switch value {
        case .string(let text):
            switch ScalarQuoting.style(for: text, allowLiteral: true) {
            case .plain: out += text
            case .singleQuoted: out += ScalarQuoting.singleQuoted(text)
            case .doubleQuoted: out += ScalarQuoting.doubleQuoted(text)
            case .literal: literal(text, indent: indent, into: &out)
            }
        case .int(let number): out += String(number)
        case .double(let number): out += JSONWriter.format(number)
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .map, .list, .tagged: preconditionFailure("collections are written by writeNested")
        }
    }

    /// A `|` block: `|-` without a final line feed, `|` with one, `|+` with more.
    private static func literal(_ text: String, indent: Int, into out: inout String) {
        var body = Substring(text)
        var trailing = 0
        while body.hasSuffix("\n") {
            body = body.dropLast()
            trailing += 1
        }
        out += trailing == 0 ? "|-" : (trailing == 1 ? "|" : "|+")
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            out += "\n"
            if !line.isEmpty {
                spaces(indent, into: &out)
                out += line
            }
        }
        for _ in 1..<max(trailing, 1) { out += "\n" }
    }
}
