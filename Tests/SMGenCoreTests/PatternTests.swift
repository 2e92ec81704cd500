import Testing

@testable import SMGenCore

@Suite("Scalars, patterns, suggestions")
struct PatternTests {
    @Test func plainScalarsResolveLikeYAML11() {
        #expect(PlainScalar.classify("") == .null)
        #expect(PlainScalar.classify("~") == .null)
        #expect(PlainScalar.classify("yes") == .bool(true))
        #expect(PlainScalar.classify("Off") == .bool(false))
        #expect(PlainScalar.classify("42") == .int(42))
        #expect(PlainScalar.classify("-7") == .int(-7))
        #expect(PlainScalar.classify("0x1F") == .otherNumber)
        #expect(PlainScalar.classify("1.5e3") == .otherNumber)
        #expect(PlainScalar.classify(".inf") == .otherNumber)
        #expect(PlainScalar.classify("1:30") == .otherNumber)
        #expect(PlainScalar.classify("2024-01-02") == .timestamp)
        #expect(PlainScalar.classify("10.0.0.0/16") == .string)
        #expect(PlainScalar.classify("alice") == .string)
        #expect(PlainScalar.classify("-x") == .string)
    }

    @Test func idPatterns() {
        #expect(Patterns.isProjectId("fraud-detection"))
        #expect(!Patterns.isProjectId("fraud--detection"))
        #expect(!Patterns.isProjectId("fraud-"))
        #expect(!Patterns.isProjectId(String(repeating: "a", count: 33)))
        #expect(Patterns.isTeamId("algo"))
        #expect(!Patterns.isTeamId("al-go"))
        #expect(Patterns.isCompany("acme"))
        #expect(!Patterns.isCompany("a"))
        #expect(Patterns.isIAMUserName("j.doe+ml@corp_1=x,y"))
        #expect(!Patterns.isIAMUserName("a b"))
        #expect(Patterns.isAccount("012345678901"))
        #expect(!Patterns.isAccount("12345678901"))
        #expect(Patterns.isResourceId("subnet-0aa11bb22cc33dd44", prefix: "subnet"))
        #expect(!Patterns.isResourceId("subnet-0aa11bb22cc33dd4", prefix: "subnet"))
        #expect(Patterns.parseCIDR("10.20.0.0/16")?.hostBitsClear == true)
        #expect(Patterns.parseCIDR("10.20.1.0/16")?.hostBitsClear == false)
        #expect(Patterns.parseCIDR("10.20.0.0/33") == nil)
        #expect(Patterns.parseCIDR("010.20.0.0/16") == nil)
        #expect(Patterns.isEmail("a.b+c@x.example"))
        #expect(!Patterns.isEmail("a b@x.example"))
        #expect(!Patterns.isEmail("\"a\"@x.example"))
        #expect(Patterns.isImageURI("123456789012.dkr.ecr.us-east-1.amazonaws.com/acme/inference:latest"))
        #expect(!Patterns.isImageURI("repo:latest"))
        #expect(!Patterns.isImageURI("host/repo:$(id)"))
        #expect(Patterns.isInstanceType("ml.g4dn.xlarge"))
        #expect(!Patterns.isInstanceType("m5.large"))
    }

    @Test func tagValuesHoldOnlyWhatAWSTagsAccept() {
        // IAM user names may hold a comma, tags may not.
        #expect(Tagging.value("a+b=c,d_e") == "a+b=c_d_e")
        #expect(Tagging.value("first.last@corp.example") == "first.last@corp.example")
        #expect(Tagging.value("Ünïcode 1") == "Ünïcode 1")
        #expect(Tagging.value("x,y!z") == "x_y_z")
        for name in ["a,b", "first.last@corp.example", "x+y=z", "A_b-C"] {
            #expect(Patterns.isTagText(Tagging.value(name), maxLength: 256))
        }
    }

    @Test func suggestions() {
        #expect(Suggestion.closest(to: "domian", among: ConfigLoader.topLevelKeys) == "domain")
        #expect(Suggestion.closest(to: "usres", among: ConfigLoader.topLevelKeys) == "users")
        #expect(Suggestion.closest(to: "zzzzzz", among: ConfigLoader.topLevelKeys) == nil)
    }
}
