import Testing

@testable import SMGenYAML

private func parse(_ text: String, maxNodes: Int = 2_000_000) -> YAMLParseResult {
    YAMLParser(maxNodes: maxNodes).parse(Array(text.utf8))
}

private func pairs(_ node: YAMLNode?) -> [YAMLPair] {
    guard case .mapping(let pairs)? = node?.kind else { return [] }
    return pairs
}

@Suite("YAML parser")
struct ParserTests {
    @Test func marksAreOneBasedOnKeysAndValues() throws {
        let result = parse("a: 1\nb:\n  c: [x, 'y']\n")
        #expect(result.errors.isEmpty)
        let top = pairs(result.root)
        #expect(top.map(\.key.mark) == [Mark(line: 1, column: 1), Mark(line: 2, column: 1)])
        #expect(top[0].value.mark == Mark(line: 1, column: 4))
        let inner = pairs(top[1].value)
        #expect(inner[0].key.mark == Mark(line: 3, column: 3))
        guard case .sequence(let items) = inner[0].value.kind else {
            Issue.record("not a sequence")
            return
        }
        #expect(items.map(\.mark) == [Mark(line: 3, column: 7), Mark(line: 3, column: 10)])
        #expect(items[1].kind.isSingleQuoted)
    }

    @Test func duplicateKeysReportBothPositions() {
        let result = parse("a: 1\nb: 2\na: 3\n")
        #expect(
            result.errors == [
                YAMLError(
                    mark: Mark(line: 3, column: 1), message: "duplicate key 'a' (first defined at line 1, column 1)")
            ])
        #expect(pairs(result.root).count == 2)
    }

    @Test func aliasesAndMergeKeys() {
        let text = """
            base: &base {x: 1, y: 2}
            other:
              <<: *base
              y: 3
            list: [*base]
            """
        let result = parse(text)
        #expect(result.errors.isEmpty)
        let other = pairs(pairs(result.root)[1].value)
        #expect(other.map { $0.key.scalar } == ["x", "y"])
        #expect(other.map { $0.value.scalar } == ["1", "3"])
        #expect(other[0].key.mark == Mark(line: 1, column: 14))
    }

    @Test func mergeOfAListOfMappingsKeepsTheFirst() {
        let result = parse("a: &a {k: 1}\nb: &b {k: 2, j: 3}\nc: {<<: [*a, *b]}\n")
        #expect(result.errors.isEmpty)
        let merged = pairs(pairs(result.root)[2].value)
        #expect(merged.map { "\($0.key.scalar!)=\($0.value.scalar!)" } == ["k=1", "j=3"])
    }

    @Test func mergeOfAScalarIsAnError() {
        let result = parse("a: {<<: 3}\n")
        #expect(result.errors.map(\.message) == ["merge key '<<' expects a mapping or a list of mappings"])
    }

    @Test func aliasBombFailsFastInBoundedMemory() {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...12 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(refs)]")
        }
        let result = parse(lines.joined(separator: "\n") + "\n")
        #expect(result.root == nil)
        #expect(result.errors.count == 1)
        #expect(result.errors[0].message.contains("alias bomb"))
    }

    @Test func aLargeDocumentWithoutAliasesIsNotCalledABomb() {
        let result = parse((0..<20).map { "k\($0): v" }.joined(separator: "\n") + "\n", maxNodes: 10)
        #expect(result.root == nil)
        #expect(
            result.errors.map(\.message) == ["the document has more than 10 nodes; smgen reads configs far smaller"])
    }

    @Test func nestingDeeperThanTheLimitFailsAtTheLevelThatGoesTooDeep() {
        let deep = String(repeating: "[", count: 70_000) + String(repeating: "]", count: 70_000) + "\n"
        let result = parse(deep)
        #expect(result.root == nil)
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.mark == Mark(line: 1, column: 65))
        #expect(result.errors.first?.message.contains("more than 64 levels deep") == true)
        #expect(parse(String(repeating: "[", count: 64) + String(repeating: "]", count: 64) + "\n").errors.isEmpty)
    }

    @Test func unknownAliasIsAnError() {
        let result = parse("a: *nope\n")
        #expect(result.errors.map(\.message) == ["unknown alias '*nope': no anchor '&nope' is defined before it"])
        #expect(result.errors.first?.mark == Mark(line: 1, column: 4))
    }

    @Test func syntaxErrorsCarryLibyamlMarks() {
        let result = parse("a: [1, 2\nb: 3\n")
        #expect(result.root == nil)
        #expect(result.errors.count == 1)
        #expect(result.errors[0].message.hasPrefix("YAML syntax error:"))
    }

    @Test func tabsInIndentationAreSyntaxErrors() {
        let result = parse("a:\n\tb: 1\n")
        #expect(result.errors.first?.mark == Mark(line: 2, column: 1))
    }

    @Test func invalidUTF8IsRejectedAtItsPosition() {
        var bytes = Array("a: ok\nb: caf".utf8)
        bytes.append(0xE9)
        bytes += Array("\n".utf8)
        let result = YAMLParser().parse(bytes)
        #expect(
            result.errors == [
                YAMLError(
                    mark: Mark(line: 2, column: 7), message: "the file is not valid UTF-8 (byte 0xE9 at offset 12)")
            ])
    }

    @Test func moreThanOneDocumentIsRejected() {
        let result = parse("a: 1\n---\nb: 2\n")
        #expect(result.errors.map(\.message) == ["the file holds more than one YAML document; smgen reads exactly one"])
    }

    @Test func emptyTextHasNoRoot() {
        let result = parse("")
        #expect(result.root == nil)
        #expect(result.errors.isEmpty)
    }

    @Test func tagsAreKept() {
        let result = parse("a: !!str 12\nb: !Ref X\n")
        let top = pairs(result.root)
        #expect(top[0].value.tag == "tag:yaml.org,2002:str")
        #expect(top[1].value.tag == "!Ref")
        #expect(!top[0].value.isPlainScalar)
    }
}

extension YAMLNode.Kind {
    var isSingleQuoted: Bool {
        if case .scalar(_, .singleQuoted) = self { return true }
        return false
    }
}
