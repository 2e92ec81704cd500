import Foundation
import Testing

@testable import SMGenYAML

/// Emits many tricky strings and reads them back with our parser and with PyYAML
/// (the reader cfn-lint and the aws CLI use): both must give the very same strings.
@Suite("Quoting round trip")
struct RoundTripTests {
    static let tricky: [String] = [
        "yes", "Yes", "YES", "no", "No", "on", "On", "off", "OFF", "y", "Y", "n", "N", "true", "False", "TRUE",
        "null", "Null", "NULL", "~", "", "2010-09-09", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
        "012", "0o12", "0x1F", "0b101", "1e3", "1E3", "1.5", "-1", ".5", "+1", ".inf", "-.Inf", ".NaN", "1_000",
        "1:20", "190:20:30", "1.0", "123456789012", "0123", "-", "--", "---", "...", "a: b", "a:b", "a:", "a #b",
        "a#b", "#x", " lead", "trail ", " both ", "two  spaces", "line\nbreak", "tab\there", "cr\rlf", "é", "日本語",
        "emoji 🎉", "'quoted'", "\"dq\"", "back\\slash", "- item", "? q", ": c", "[a]", "{a}", "a, b", "*alias",
        "&anchor", "!tag", "%dir", "@at", "`tick", "|pipe", ">fold", "<<", "=", "arn:aws:s3:::bucket/*",
        "${aws:username}", "${!aws:username}", "10.0.0.0/16", "\u{85}nel", "x\u{2028}ls", "bom\u{FEFF}",
        "ctrl\u{01}", "del\u{7F}", "\r\n", "a\n", "a\n\n", "\n", " \n", "multi\nline\ntext\n", "x\n  indented\n",
        "x\n\n", "trailing space \nline", "\ttab", "ml.g4dn.xlarge", "SageMaker-rc-fraud-ExecutionRole",
        "!Ref", "%", "@", "a{b}c", "a[b]c", "0.", "+.5", "1_2:3", "NaN", "nan", "Infinity", "0x", "e3",
    ]

    static func randomStrings(count: Int) -> [String] {
        let alphabet = Array("aZ09 -_.:#'\"\\\n\t!&*?|>@`%,[]{}~=<+é日\u{85}")
        var generator = SplitMix(seed: 20_261_123)
        return (0..<count).map { _ in
            let length = Int(generator.next() % 8)
            return String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
        }
    }

    @Test func everyStringReadsBackThroughOurParserAndPyYAML() throws {
        let strings = Self.tricky + Self.randomStrings(count: 2000)
        let document: YAMLValue = .map([
            "values": .list(strings.map { .string($0) }),
            "keys": .map(strings.enumerated().map { YAMLEntry("\($0.offset)|" + $0.element, .string($0.element)) }),
            "nested": .list(strings.prefix(50).map { .map(["k": .string($0), "l": [.string($0)]]) }),
        ])
        let yaml = YAMLWriter.write(document)

        let parsed = YAMLParser().parse(Array(yaml.utf8))
        #expect(parsed.errors.isEmpty)
        guard case .mapping(let top)? = parsed.root?.kind, case .sequence(let items) = top[0].value.kind else {
            Issue.record("unexpected shape")
            return
        }
        for (item, expected) in zip(items, strings) {
            #expect(item.scalar == expected)
            if item.isPlainScalar {
                #expect(ScalarQuoting.isPlainSafe(expected))
            }
        }

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("smgen-roundtrip-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try yaml.write(to: directory.appendingPathComponent("doc.yaml"), atomically: true, encoding: .utf8)
        try JSONWriter.write(document).write(
            to: directory.appendingPathComponent("doc.json"), atomically: true, encoding: .utf8)
        let script = """
            import json, sys, yaml
            with open(sys.argv[1], encoding="utf-8") as f: y = yaml.safe_load(f)
            with open(sys.argv[2], encoding="utf-8") as f: j = json.load(f)
            bad = [(a, b) for a, b in zip(y["values"], j["values"]) if a != b]
            bad += [(k, y["keys"].get(k)) for k in j["keys"] if y["keys"].get(k) != j["keys"][k]]
            print("ok" if y == j and not bad else "mismatch: %r" % bad[:5])
            """
        let output = try runPython(
            script,
            arguments: [
                directory.appendingPathComponent("doc.yaml").path, directory.appendingPathComponent("doc.json").path,
            ])
        #expect(output == "ok\n")
    }
}
