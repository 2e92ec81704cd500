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
        #expect(
            names.model("rc", "fraud-detection", "fraud", version: 1, digest: "0123abcd")
                == "rc-fraud-detection-fraud-v1-0123abcd")
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
