import Testing

@testable import SMGenCore

@Suite("Naming")
struct NamingTests {
    let names = AWSNames(company: "acme", bucketSuffix: "")

    @Test func designNames() {
        #expect(names.bucket("rc", "fraud-detection") == "acme-sm-rc-fraud-detection")
        #expect(names.executionRole("rc", "fraud") == "SageMaker-rc-fraud-ExecutionRole")
        #expect(names.userProfile("rc", "fraud", "alice") == "profile-rc-fraud-alice")
        #expect(names.space("rc", "fraud", "alice") == "space-rc-fraud-alice")
        #expect(names.modelPackageGroup("rc", "fraud-detection") == "rc-fraud-detection")
        #expect(names.sharedRepository("base-sklearn") == "acme-sagemaker-shared/base-sklearn")
        #expect(names.projectRepository("rc", "fraud-detection", "training") == "acme-sm-rc-fraud-detection/training")
        #expect(names.model("rc", "fraud-detection", "fraud", version: 1) == "rc-fraud-detection-fraud-v1")
        #expect(names.endpoint("rc", "fraud-detection", "fraud") == "rc-fraud-detection-fraud-ep")
        #expect(names.securityGroup("training") == "acme-sm-training")
        #expect(
            AWSNames(company: "acme", bucketSuffix: "-123456789012").bucket("rc", "x") == "acme-sm-rc-x-123456789012")
    }

    @Test func userNamesInSageMakerNames() {
        #expect(AWSNames.sageMakerUser("j.doe@corp") == "j-doe-corp")
        #expect(AWSNames.sageMakerUser("Ann-2") == "Ann-2")
        // One hyphen a character, whatever its UTF-8 length.
        #expect(AWSNames.sageMakerUser("zoë+1🙂") == "zo--1-")
    }

    @Test func logicalIdsComeFromIds() {
        #expect(AWSNames.logicalId("profile", "rc", "fraud", "alice") == "ProfileRcFraudAlice")
        #expect(AWSNames.logicalId("user", "j.doe@corp") == "UserJDoeCorp")
        #expect(AWSNames.logicalId("bucket", "anti-money-laundering") == "BucketAntiMoneyLaundering")
        #expect(AWSNames.logicalId("user", "zoë.x9", "_a") == "UserZoX9A")
    }

    @Test func nameRules() {
        #expect(NameKind.s3Bucket.accepts("acme-sm-rc-fraud"))
        #expect(!NameKind.s3Bucket.accepts("ab"))
        #expect(!NameKind.s3Bucket.accepts("192.168.1.1"))
        #expect(!NameKind.s3Bucket.accepts("a..b"))
        #expect(!NameKind.s3Bucket.accepts(String(repeating: "a", count: 64)))
        #expect(NameKind.sageMaker.accepts("profile-rc-fraud-alice"))
        #expect(!NameKind.sageMaker.accepts("profile-rc-fraud-alice-"))
        #expect(!NameKind.sageMaker.accepts(String(repeating: "a", count: 64)))
        #expect(NameKind.iamRole.accepts(String(repeating: "a", count: 64)))
        #expect(!NameKind.iamRole.accepts(String(repeating: "a", count: 65)))
        #expect(NameKind.ecrRepository.accepts("acme-sagemaker-shared/base-sklearn"))
        #expect(!NameKind.ecrRepository.accepts("Acme/x"))
        #expect(!NameKind.stack.accepts("1acme"))
        #expect(NameKind.logGroup.accepts("/aws/sagemaker/TrainingJobs"))
        #expect(!NameKind.logicalId.accepts("Profile-Rc"))
        #expect(!NameKind.securityGroup.accepts("sg-abc"))
    }
}

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
