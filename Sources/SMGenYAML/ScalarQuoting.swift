/// Decides how a string is written so that every YAML reader we care about (PyYAML, which
/// cfn-lint and the aws CLI use, with its YAML 1.1 resolvers; libyaml; YAML 1.2 readers)
/// reads back exactly the same string. Decisions are made on the UTF-8 bytes, with a table
/// of byte classes: the writers ask this of every key and scalar they write.
enum ScalarQuoting {
    enum Style { case plain, singleQuoted, doubleQuoted, literal }

    /// Words that YAML 1.1 or 1.2 resolve to booleans or null (compared case-insensitively).
    private static let reservedWords = ["y", "n", "yes", "no", "true", "false", "on", "off", "null", "~", ""]

    /// The reserved words packed as `packed` packs a candidate, for comparison without a String.
    private static let reservedKeys: [UInt64] = reservedWords.map { $0.withUTF8Bytes(packed) }

    /// The style for `text` as a scalar value (`allowLiteral` permits a `|` block).
    static func style(for text: String, allowLiteral: Bool) -> Style {
        text.withUTF8Bytes { bytes in
            if isPlainSafe(bytes) { return .plain }
            if needsEscape(bytes) {
                if allowLiteral && isLiteralSafe(bytes) { return .literal }
                return .doubleQuoted
            }
            return .singleQuoted
        }
    }

    /// True when a plain scalar reads back as this very string.
    static func isPlainSafe(_ text: String) -> Bool {
        text.withUTF8Bytes { isPlainSafe($0) }
    }

    private static func isPlainSafe(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Every character a plain scalar may hold is ASCII, so bytes are characters here.
        guard let first = bytes.first, let last = bytes.last else { return false }
        return classes.withUnsafeBufferPointer { classes in
            guard classes[Int(first)] & plainStart != 0, last != UInt8(ascii: " "), last != UInt8(ascii: ":") else {
                return false
            }
            // One pass, without a branch a byte: the bits every byte has, and those any byte has.
            var every: UInt8 = 0xFF
            var some: UInt8 = 0
            for byte in bytes {
                every &= classes[Int(byte)]
                some |= classes[Int(byte)]
            }
            guard every & plainBody != 0 else { return false }
            // A space or `#` is plain only where it cannot start a comment or follow a `: `.
            if some & spaceOrHash != 0 {
                var previous = UInt8(ascii: " ")
                for byte in bytes {
                    if byte == UInt8(ascii: " ") && (previous == UInt8(ascii: " ") || previous == UInt8(ascii: ":")) {
                        return false
                    }
                    if byte == UInt8(ascii: "#") && previous == UInt8(ascii: " ") { return false }
                    previous = byte
                }
            }
            if bytes.count <= 5 && reservedKeys.contains(packed(bytes)) { return false }
            // A plain start is never a sign or a dot, so only a leading digit can make a number.
            return !(classes[Int(first)] & digit != 0 && every & numericBody != 0)
        }
    }

    // Byte classes: bits of `classes`.
    private static let plainStart: UInt8 = 1, plainBody: UInt8 = 2, numericBody: UInt8 = 4, digit: UInt8 = 8,
        spaceOrHash: UInt8 = 16

    /// A plain scalar may start with a letter, a digit, `_`, `/` or `$`; everything else
    /// (`-`, `.`, `?`, `:`, `!`, `&`, `*`, `'`, `"`, `%`, `@`, `` ` ``, `[`, `{`, `|`, `>`,
    /// `#`, `<`, `=`, `~`, space) is quoted. After its first character it may hold ASCII
    /// letters, digits and signs that only matter in flow context or at the start (we never
    /// write flow collections). Strings a YAML 1.1 or 1.2 reader may take for an int, float,
    /// sexagesimal number or timestamp start with a digit and hold nothing but digits,
    /// letters, `_ . : + -` and spaces: those are quoted (over-quoting is harmless).
    private static let classes: [UInt8] = (0..<256).map { byte in
        let scalar = Unicode.Scalar(UInt8(byte))
        let letterOrDigit = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        var bits: UInt8 = 0
        if letterOrDigit || "_/$".unicodeScalars.contains(scalar) { bits |= plainStart }
        if letterOrDigit || "_/$-.:@+=,()* #<>^%?!~{}[]".unicodeScalars.contains(scalar) { bits |= plainBody }
        if letterOrDigit || "_.:+- ".unicodeScalars.contains(scalar) { bits |= numericBody }
        if ("0"..."9").contains(scalar) { bits |= digit }
        if scalar == " " || scalar == "#" { bits |= spaceOrHash }
        return bits
    }

    /// Up to 8 bytes, ASCII letters lowercased, in one integer.
    private static func packed(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var key: UInt64 = UInt64(bytes.count)
        for byte in bytes.prefix(7) {
            key = key << 8 | UInt64((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte)
        }
        return key
    }

    /// Characters that need a double-quoted escape: line breaks, tabs, controls, and what
    /// YAML readers reject or normalise (NEL, LS, PS, BOM, non-characters).
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// Whether any character of the UTF-8 `bytes` needs an escape (ASCII text is checked byte by byte).
    private static func needsEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var ascii = true
        for byte in bytes {
            if byte < 0x20 || byte == 0x7F { return true }
            if byte >= 0x80 { ascii = false }
        }
        return !ascii && String(decoding: bytes, as: UTF8.self).unicodeScalars.contains(where: needsEscape)
    }

    /// A literal block (`|`) is used for multi-line text whose only special characters are
    /// line feeds, that has no leading space or blank first line, and no trailing spaces.
    private static func isLiteralSafe(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.contains(0x0A), let first = bytes.first, first != UInt8(ascii: " "), first != 0x0A,
            bytes.last != UInt8(ascii: " ")
        else { return false }
        var previous: UInt8 = 0
        var ascii = true
        for byte in bytes {
            if byte == 0x0A && previous == UInt8(ascii: " ") { return false }
            if (byte < 0x20 && byte != 0x0A) || byte == 0x7F { return false }
            if byte >= 0x80 { ascii = false }
            previous = byte
        }
        return ascii
            || String(decoding: bytes, as: UTF8.self).unicodeScalars.allSatisfy { $0 == "\n" || !needsEscape($0) }
    }

    /// `text` in single quotes, each `'` doubled.
    static func writeSingleQuoted(_ text: String, into out: inout ByteOutput) {
        out.append(UInt8(ascii: "'"))
        text.withUTF8Bytes { bytes in
            for byte in bytes {
                out.append(byte)
                if byte == UInt8(ascii: "'") { out.append(byte) }
            }
        }
        out.append(UInt8(ascii: "'"))
    }

    /// `text` in double quotes, with YAML escapes.
    static func writeDoubleQuoted(_ text: String, into out: inout ByteOutput) {
        out.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.write("\\\"")
            case "\\": out.write("\\\\")
            case "\n": out.write("\\n")
            case "\t": out.write("\\t")
            case "\r": out.write("\\r")
            default:
                if needsEscape(scalar) {
                    out.write(
                        scalar.value <= 0xFF
                            ? "\\x" + hex(scalar.value, digits: 2) : "\\u" + hex(scalar.value, digits: 4))
                } else {
                    for byte in UTF8.encode(scalar)! { out.append(byte) }
                }
            }
        }
        out.append(UInt8(ascii: "\""))
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
