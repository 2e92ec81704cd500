/// Decides how a string is written so that every YAML reader we care about (PyYAML, which
/// cfn-lint and the aws CLI use, with its YAML 1.1 resolvers; libyaml; YAML 1.2 readers)
/// reads back exactly the same string.
enum ScalarQuoting {
    enum Style { case plain, singleQuoted, doubleQuoted, literal }

    /// Words that YAML 1.1 or 1.2 resolve to booleans or null (compared case-insensitively).
    private static let reservedWords: Set<String> = [
        "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~", "",
    ]

    /// The style for `text` as a scalar value (`allowLiteral` permits a `|` block).
    static func style(for text: String, allowLiteral: Bool) -> Style {
        if isPlainSafe(text) { return .plain }
        if text.unicodeScalars.contains(where: needsEscape) {
            if allowLiteral && isLiteralSafe(text) { return .literal }
            return .doubleQuoted
        }
        return .singleQuoted
    }

    /// True when a plain scalar reads back as this very string.
    static func isPlainSafe(_ text: String) -> Bool {
        // Every character a plain scalar may hold is ASCII, so bytes are characters here.
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last else { return false }
        guard isPlainStart(Unicode.Scalar(first)), last != UInt8(ascii: " "), last != UInt8(ascii: ":") else { return false }
        var previous = UInt8(ascii: " ")
        for byte in bytes {
            guard byte < 0x80, isPlainBody(Unicode.Scalar(byte)) else { return false }
            if byte == UInt8(ascii: " ") && (previous == UInt8(ascii: " ") || previous == UInt8(ascii: ":")) { return false }
            if byte == UInt8(ascii: "#") && previous == UInt8(ascii: " ") { return false }
            previous = byte
        }
        if bytes.count <= 5 && reservedWords.contains(text.lowercased()) { return false }
        if looksNumericOrDate(text) { return false }
        return true
    }

    /// A plain scalar may start with a letter, a digit, `_`, `/` or `$`; everything else
    /// (`-`, `.`, `?`, `:`, `!`, `&`, `*`, `'`, `"`, `%`, `@`, `` ` ``, `[`, `{`, `|`, `>`,
    /// `#`, `<`, `=`, `~`, space) is quoted.
    private static func isPlainStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "/", "$": return true
        default: return false
        }
    }

    /// Characters a plain scalar may contain after its first: ASCII letters, digits and signs
    /// that only matter in flow context or at the start (we never write flow collections).
    private static func isPlainBody(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "/", "$", "-", ".", ":", "@", "+", "=", ",", "(", ")", "*", " ", "#", "<", ">", "^", "%", "?", "!", "~", "{", "}", "[", "]":
            return true
        default:
            return false
        }
    }

    /// Strings a YAML 1.1 or 1.2 reader may take for an int, float, sexagesimal number or
    /// timestamp: anything that starts with a digit (or a sign or dot before one) and holds
    /// nothing but digits, letters, `_ . : + -` and spaces. Over-quoting is harmless.
    private static func looksNumericOrDate(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        guard var scalar = scalars.next() else { return false }
        if scalar == "+" || scalar == "-" || scalar == "." {
            guard let next = scalars.next() else { return false }
            scalar = next
        }
        guard ("0"..."9").contains(scalar) || scalar == "." else { return false }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_", ".", ":", "+", "-", " ": continue
            default: return false
            }
        }
        return true
    }

    /// Characters that need a double-quoted escape: line breaks, tabs, controls, and what
    /// YAML readers reject or normalise (NEL, LS, PS, BOM, non-characters).
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// A literal block (`|`) is used for multi-line text whose only special characters are
    /// line feeds, that has no leading space or blank first line, and no trailing spaces.
    private static func isLiteralSafe(_ text: String) -> Bool {
        guard text.contains("\n"), let first = text.unicodeScalars.first, first != " ", first != "\n" else { return false }
        for scalar in text.unicodeScalars where scalar != "\n" && needsEscape(scalar) { return false }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where line.hasSuffix(" ") { return false }
        return true
    }

    static func singleQuoted(_ text: String) -> String {
        "'" + text.replacingAll("'", with: "''") + "'"
    }

    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if needsEscape(scalar) {
                    out += scalar.value <= 0xFF ? "\\x" + hex(scalar.value, digits: 2) : "\\u" + hex(scalar.value, digits: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}

extension String {
    /// Every occurrence of `target` replaced (without Foundation).
    public func replacingAll(_ target: Character, with replacement: String) -> String {
        guard contains(target) else { return self }
        var out = ""
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
