import Foundation
import SMGenYAML

/// The shapes of ids and AWS values that smgen.yaml accepts. Hand-written checks (no regex
/// engine) so that validating a large org stays fast.
enum Patterns {
    static func isLower(_ c: UInt8) -> Bool { c >= 0x61 && c <= 0x7A }
    static func isUpper(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    static func isHex(_ c: UInt8) -> Bool { isDigit(c) || (c >= 0x61 && c <= 0x66) }
    static func isAlnum(_ c: UInt8) -> Bool { isLower(c) || isUpper(c) || isDigit(c) }
    static let hyphen = UInt8(ascii: "-")

    /// `[a-z][a-z0-9-]{min-1,max-1}`, optionally without `--` and without a trailing `-`.
    static func isLowerId(
        _ text: String, maxLength: Int, minLength: Int = 1, allowHyphen: Bool = true, strictHyphens: Bool = false
    ) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= minLength, bytes.count <= maxLength, let first = bytes.first, isLower(first) else {
            return false
        }
        for (index, byte) in bytes.enumerated() {
            if byte == hyphen {
                guard allowHyphen else { return false }
                if strictHyphens && (index == bytes.count - 1 || bytes[index + 1] == hyphen) { return false }
            } else if !(isLower(byte) || isDigit(byte)) {
                return false
            }
        }
        return true
    }

    /// Company: `[a-z][a-z0-9-]{1,19}`.
    static func isCompany(_ text: String) -> Bool { isLowerId(text, maxLength: 20, minLength: 2) }
    /// Team: `[a-z][a-z0-9]{0,9}`.
    static func isTeamId(_ text: String) -> Bool { isLowerId(text, maxLength: 10, allowHyphen: false) }
    /// Project and short id: `[a-z][a-z0-9-]{0,31}`, no `--`, no trailing `-`.
    static func isProjectId(_ text: String) -> Bool { isLowerId(text, maxLength: 32, strictHyphens: true) }
    /// Model: `[a-z][a-z0-9-]{0,15}` (no `--` or trailing `-`: it goes into SageMaker names).
    static func isModelName(_ text: String) -> Bool { isLowerId(text, maxLength: 16, strictHyphens: true) }

    /// A git repository as `owner/name` (owner and name: letters, digits, `.`, `_`, `-`; the
    /// owner may hold group paths with `/`, as GitLab's do).
    static func isGitRepository(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count >= 2 && text.utf8.count <= 200
            && parts.allSatisfy { part in
                !part.isEmpty && part.utf8.allSatisfy { isAlnum($0) || "._-".utf8.contains($0) }
            }
    }

    /// A git branch name, kept to characters that are safe everywhere it is written.
    static func isGitBranch(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 100 && !text.hasPrefix("-") && !text.contains("..")
            && text.utf8.allSatisfy { isAlnum($0) || "._-/".utf8.contains($0) }
    }

    /// A feature (column) name as Model Monitor puts it in a metric name: 1 to 100 letters,
    /// digits and `_`.
    static func isFeatureName(_ text: String) -> Bool {
        (1...100).contains(text.utf8.count) && text.utf8.allSatisfy { isAlnum($0) || $0 == UInt8(ascii: "_") }
    }

    /// A CloudFormation logical ID: 1 to 255 ASCII letters and digits.
    static func isLogicalId(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 255 && text.utf8.allSatisfy(isAlnum)
    }

    /// IAM user name: `[A-Za-z0-9+=,.@_-]{1,64}`.
    static func isIAMUserName(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return (1...64).contains(bytes.count) && bytes.allSatisfy { isAlnum($0) || "+=,.@_-".utf8.contains($0) }
    }

    /// Exactly 12 digits.
    static func isAccount(_ text: String) -> Bool {
        text.utf8.count == 12 && text.utf8.allSatisfy(isDigit)
    }

    /// `PREFIX-` followed by 8 or 17 lowercase hex digits (vpc-, subnet-, rtb-).
    static func isResourceId(_ text: String, prefix: String) -> Bool {
        guard text.hasPrefix(prefix + "-") else { return false }
        let rest = text.utf8.dropFirst(prefix.utf8.count + 1)
        return (rest.count == 8 || rest.count == 17) && rest.allSatisfy(isHex)
    }

    /// An IPv4 CIDR `a.b.c.d/n`; `hostBitsClear` is false when bits beyond the prefix are set.
    static func parseCIDR(_ text: String) -> (address: UInt32, prefix: Int, hostBitsClear: Bool)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let prefix = decimal(parts[1], max: 32) else { return nil }
        let octets = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var address: UInt32 = 0
        for octet in octets {
            guard let value = decimal(octet, max: 255) else { return nil }
            address = address << 8 | UInt32(value)
        }
        let mask: UInt32 = prefix == 0 ? 0 : ~UInt32(0) << (32 - prefix)
        return (address, prefix, address & ~mask == 0)
    }

    /// A decimal number without sign or leading zeros, at most `max`.
    private static func decimal(_ text: Substring, max: Int) -> Int? {
        guard !text.isEmpty, text.count <= 3, text.utf8.allSatisfy(isDigit), text == "0" || !text.hasPrefix("0"),
            let value = Int(text), value <= max
        else { return nil }
        return value
    }

    /// A plain email address (no quotes, spaces or shell metacharacters).
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard text.utf8.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !parts[1].contains("..")
        else { return false }
        return parts[0].utf8.allSatisfy { isAlnum($0) || "._%+-".utf8.contains($0) }
            && parts[1].utf8.allSatisfy { isAlnum($0) || ".-".utf8.contains($0) }
    }

    /// An ECR repository name segment list: `[a-z0-9]+([._-][a-z0-9]+)*(/...)*`.
    static func isRepositoryName(_ text: String) -> Bool {
        text.withUTF8Bytes { isRepositoryName($0) }
    }

    static func isRepositoryName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return false }
        return bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).allSatisfy { component in
            guard let first = component.first, let last = component.last, isLower(first) || isDigit(first),
                isLower(last) || isDigit(last)
            else { return false }
            for index in component.indices where !(isLower(component[index]) || isDigit(component[index])) {
                let byte = component[index]
                guard byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == hyphen,
                    index + 1 < component.endIndex,
                    isLower(component[index + 1]) || isDigit(component[index + 1])
                else { return false }
            }
            return true
        }
    }

    /// A SageMaker instance type such as `ml.m5.xlarge`.
    static func isInstanceType(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0] == "ml"
            && parts[1...].allSatisfy {
                !$0.isEmpty && $0.utf8.allSatisfy { isLower($0) || isDigit($0) || $0 == hyphen }
            }
    }

    /// A container image URI: `host[:port]/path[:tag|@sha256:digest]`, lowercase path, no spaces or metacharacters.
    static func isImageURI(_ text: String) -> Bool {
        guard text.utf8.count <= 255, let slash = text.firstIndex(of: "/") else { return false }
        let host = text[..<slash]
        var rest = Substring(text[text.index(after: slash)...])
        guard !host.isEmpty, host.utf8.allSatisfy({ isLower($0) || isDigit($0) || ".-:".utf8.contains($0) }) else {
            return false
        }
        if let at = rest.range(of: "@sha256:") {
            let digest = rest[at.upperBound...]
            guard digest.utf8.count == 64, digest.utf8.allSatisfy(isHex) else { return false }
            rest = rest[..<at.lowerBound]
        } else if let colon = rest.lastIndex(of: ":") {
            let tag = rest[rest.index(after: colon)...]
            guard (1...128).contains(tag.utf8.count), let first = tag.utf8.first,
                isAlnum(first) || first == UInt8(ascii: "_"),
                tag.utf8.allSatisfy({ isAlnum($0) || "._-".utf8.contains($0) })
            else { return false }
            rest = rest[..<colon]
        }
        return isRepositoryName(String(rest))
    }

    /// AWS tag text: letters, digits, spaces and `_ . : / = + - @`, within `maxLength`.
    static func isTagText(_ text: String, maxLength: Int) -> Bool {
        text.count <= maxLength && text.unicodeScalars.allSatisfy(isTagScalar)
    }

    /// A character AWS tag keys and values may hold (ASCII, the usual case, without a look at
    /// Unicode's properties).
    static func isTagScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let byte = UInt8(scalar.value)
            return isAlnum(byte) || " _.:/=+-@".utf8.contains(byte)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
