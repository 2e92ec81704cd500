import Testing

@testable import SMGenYAML

@Suite("YAML and JSON writers")
struct WriterTests {
    @Test func blockStyleWithTagsAndNestedLists() {
        let value: YAMLValue = .map([
            "Resources": .map([
                "Bucket": .map([
                    "Type": "AWS::S3::Bucket",
                    "Properties": .map([
                        "BucketName": .tagged("!Sub", "${AWS::StackName}-data"),
                        "Tags": [.map(["Key": "Team", "Value": "rc"]), .map(["Key": "Empty", "Value": ""])],
                        "Ids": .tagged("!Split", [",", .tagged("!Ref", "Ids")]),
                        "Empty": .list([]),
                        "None": .map([]),
                        "Count": 3,
                        "On": true,
                    ]),
                ])
            ])
        ])
        let expected = """
            # Generated
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub ${AWS::StackName}-data
                  Tags:
                    - Key: Team
                      Value: rc
                    - Key: Empty
                      Value: ''
                  Ids: !Split
                    - ','
                    - !Ref Ids
                  Empty: []
                  None: {}
                  Count: 3
                  'On': true

            """
        #expect(YAMLWriter.write(value, header: ["Generated"]) == expected)
    }

    @Test func literalBlocksForMultilineText() {
        let value: YAMLValue = .map(["Code": "line 1\n  line 2\n\nend\n", "Bare": "a\nb", "Kept": "a\n\n"])
        let expected = "Code: |\n  line 1\n    line 2\n\n  end\nBare: |-\n  a\n  b\nKept: |+\n  a\n\n"
        #expect(YAMLWriter.write(value) == expected)
    }

    @Test func quotingOfTrickyScalars() {
        let cases: [(String, String)] = [
            ("yes", "'yes'"), ("Off", "'Off'"), ("~", "'~'"), ("", "''"), ("2010-09-09", "'2010-09-09'"),
            ("012", "'012'"), ("1e3", "'1e3'"), ("a: b", "'a: b'"), ("a #b", "'a #b'"), (" x", "' x'"),
            ("it's", "'it''s'"), ("tab\there", "\"tab\\there\""), ("é", "'é'"), ("ml.m5.large", "ml.m5.large"),
            ("arn:aws:s3:::b/*", "arn:aws:s3:::b/*"), ("10.0.0.0/16", "10.0.0.0/16"), ("-x", "'-x'"),
        ]
        for (text, written) in cases {
            #expect(YAMLWriter.write(.map(["k": .string(text)])) == "k: \(written)\n", "\(text)")
        }
    }

    @Test func jsonMatchesPythonIndentTwo() {
        let value: YAMLValue = .map([
            "a": [1, "x\n\"y\""], "b": .map([]), "c": .list([]), "d": .double(0.5), "e": .null,
        ])
        let expected =
            "{\n  \"a\": [\n    1,\n    \"x\\n\\\"y\\\"\"\n  ],\n  \"b\": {},\n  \"c\": [],\n  \"d\": 0.5,\n  \"e\": null\n}\n"
        #expect(JSONWriter.write(value) == expected)
    }

    @Test func compactSizeCountsWhatCompactWrites() {
        let values: [YAMLValue] = [
            .map([]), .list([]), "", "plain", "quote \" and \\ and \n and \u{2028} and é", 0, -12, 1_234_567_890,
            .double(0.25), true, false, .null,
            .map([
                "Version": "2012-10-17",
                "Statement": [
                    .map(["Sid": "A", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::b/*"])
                ],
            ]),
            .list([.map(["k\t": .list([1, 2, .map([])])]), "x"]),
        ]
        for value in values {
            #expect(JSONWriter.compactSize(value) == JSONWriter.compact(value).utf8.count, "\(value)")
        }
    }

    @Test func jsonEscapesWhatPythonEscapes() {
        let text = "q\" b\\ n\n r\r t\t b\u{08} f\u{0C} c\u{01}\u{1F} ls\u{2028} ps\u{2029} é \u{2026}"
        #expect(
            JSONWriter.write(.string(text))
                == "\"q\\\" b\\\\ n\\n r\\r t\\t b\\b f\\f c\\u0001\\u001f ls\\u2028 ps\\u2029 é \u{2026}\"\n")
    }

    @Test func taggedValuesAreWrittenAndSizedFromTheirPieces() {
        // The pieces of one string, split anywhere between characters, escaped as one.
        let tags: JSONWriter.TagText = { tag, inner, emit in
            for piece in [tag, "\"", "\n\u{2028}", ""] {
                var piece = piece
                piece.withUTF8(emit)
            }
        }
        let value: YAMLValue = .map(["k": .tagged("!Sub", "ignored"), "l": [.tagged("!X", .null)]])
        #expect(
            JSONWriter.bytes(value, tags: tags)
                == Array("{\n  \"k\": \"!Sub\\\"\\n\\u2028\",\n  \"l\": [\n    \"!X\\\"\\n\\u2028\"\n  ]\n}\n".utf8))
        #expect(
            JSONWriter.compactSize(value, tags: tags)
                == "{\"k\":\"!Sub\\\"\\n\\u2028\",\"l\":[\"!X\\\"\\n\\u2028\"]}".utf8.count)
    }
}
