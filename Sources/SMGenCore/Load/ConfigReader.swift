import SMGenYAML

/// Reads typed values out of YAML nodes, reporting each problem at its node with the key's
/// dotted path, and going on so that every error of the file is found in one run.
struct ConfigReader {
    var sink: DiagnosticSink

    init(file: String) {
        sink = DiagnosticSink(file: file)
    }

    mutating func error(_ mark: Mark, _ path: String, _ message: @autoclosure () -> String) {
        sink.error(mark, path.isEmpty ? message() : "\(path): \(message())")
    }

    /// A mapping with only `allowed` keys (unknown ones are reported with a suggestion) and
    /// all of `required`; nil when the node is not a mapping.
    mutating func fields(_ node: YAMLNode, _ path: String, allowed: [String], required: [String] = []) -> Fields? {
        guard case .mapping(let pairs) = node.kind else {
            error(node.mark, path, "expected a mapping, found \(Self.describe(node))")
            return nil
        }
        for pair in pairs {
            guard let key = pair.key.scalar else {
                error(pair.key.mark, path, "keys must be plain text, found \(Self.describe(pair.key))")
                continue
            }
            if !allowed.contains(key) {
                let keyPath = path.isEmpty ? key : "\(path).\(key)"
                error(
                    pair.key.mark, keyPath,
                    "unknown key '\(key)'"
                        + (Suggestion.closest(to: key, among: allowed).map { "; did you mean '\($0)'?" }
                            ?? "; expected one of: \(allowed.joined(separator: ", "))"))
            }
        }
        let fields = Fields(node: node, path: path, pairs: pairs)
        for key in required where fields[key] == nil {
            error(node.mark, path, "missing required key '\(key)'")
        }
        return fields
    }

    /// The entries of a mapping whose keys are ids (users, teams, projects...), in file order.
    mutating func entries(_ node: YAMLNode, _ path: String) -> [(key: String, mark: Mark, value: YAMLNode)]? {
        guard case .mapping(let pairs) = node.kind else {
            error(node.mark, path, "expected a mapping, found \(Self.describe(node))")
            return nil
        }
        var result: [(key: String, mark: Mark, value: YAMLNode)] = []
        for pair in pairs {
            guard let key = pair.key.scalar else {
                error(pair.key.mark, path, "keys must be plain text, found \(Self.describe(pair.key))")
                continue
            }
            if pair.key.isPlainScalar, PlainScalar.classify(key) != .string {
                error(
                    pair.key.mark, path,
                    "this key is \(Self.describe(pair.key)) to YAML readers such as PyYAML, not a name; quote it"
                )
                continue
            }
            result.append((key, pair.key.mark, pair.value))
        }
        return result
    }

    /// A string; a plain scalar that YAML reads as a number, boolean, date or null is an error.
    mutating func string(_ node: YAMLNode, _ path: String) -> String? {
        guard case .scalar(let text, _) = node.kind else {
            error(node.mark, path, "expected a string, found \(Self.describe(node))")
            return nil
        }
        if node.isPlainScalar, PlainScalar.classify(text) != .string {
            error(node.mark, path, "expected a string, found \(Self.describe(node)); quote it to make it a string")
            return nil
        }
        return text
    }

    /// A string matching `check`; `expected` describes the accepted form.
    mutating func string(_ node: YAMLNode, _ path: String, expected: String, check: (String) -> Bool) -> String? {
        guard let text = string(node, path) else { return nil }
        guard check(text) else {
            error(node.mark, path, "expected \(expected), found '\(Self.printable(text))'")
            return nil
        }
        return text
    }

    /// An integer in `range`.
    mutating func int(_ node: YAMLNode, _ path: String, in range: ClosedRange<Int>) -> Int? {
        guard node.isPlainScalar, let text = node.scalar, case .int(let value) = PlainScalar.classify(text) else {
            error(
                node.mark, path,
                "expected a whole number from \(range.lowerBound) to \(range.upperBound), found \(Self.describe(node))")
            return nil
        }
        guard range.contains(value) else {
            error(
                node.mark, path,
                "expected a whole number from \(range.lowerBound) to \(range.upperBound), found \(value)")
            return nil
        }
        return value
    }

    /// A decimal number in `range`.
    mutating func double(_ node: YAMLNode, _ path: String, in range: ClosedRange<Double>) -> Double? {
        let bounds = "from \(JSONWriter.format(range.lowerBound)) to \(JSONWriter.format(range.upperBound))"
        guard node.isPlainScalar, let text = node.scalar, PlainScalar.classify(text) != .string,
            let value = Double(text.filter { $0 != "_" }), value.isFinite
        else {
            error(node.mark, path, "expected a number \(bounds), found \(Self.describe(node))")
            return nil
        }
        guard range.contains(value) else {
            error(node.mark, path, "expected a number \(bounds), found \(text)")
            return nil
        }
        return value
    }

    /// `true` or `false` (YAML 1.1's yes/no/on/off are refused: they surprise readers).
    mutating func bool(_ node: YAMLNode, _ path: String) -> Bool? {
        if node.isPlainScalar, let text = node.scalar, ["true", "false"].contains(text.lowercased()) {
            return text.lowercased() == "true"
        }
        error(node.mark, path, "expected true or false, found \(Self.describe(node))")
        return nil
    }

    /// A list of strings, each with its mark.
    mutating func stringList(_ node: YAMLNode, _ path: String) -> [(value: String, mark: Mark)]? {
        guard case .sequence(let items) = node.kind else {
            error(node.mark, path, "expected a list, found \(Self.describe(node))")
            return nil
        }
        return items.enumerated().compactMap { index, item in
            string(item, "\(path)[\(index)]").map { ($0, item.mark) }
        }
    }

    /// How a diagnostic names what it found.
    static func describe(_ node: YAMLNode) -> String {
        switch node.kind {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let text, _):
            guard node.isPlainScalar else { return "the string '\(printable(text))'" }
            switch PlainScalar.classify(text) {
            case .null: return "nothing (null)"
            case .bool: return "the boolean '\(text)'"
            case .int, .otherNumber: return "the number \(text)"
            case .timestamp: return "the date \(text)"
            case .string: return "'\(printable(text))'"
            }
        }
    }

    /// Text made safe to show on one terminal line: controls and line breaks escaped, long text cut.
    static func printable(_ text: String) -> String {
        let out = Diagnostic.escaped(text)
        return out.count > 80 ? String(out.prefix(77)) + "..." : out
    }
}
