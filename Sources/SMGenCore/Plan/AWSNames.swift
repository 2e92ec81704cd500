/// Every AWS name and logical ID the generated platform uses, computed in one place from
/// the config's ids. `NameRules` checks each of them against its `NameKind`.
public struct AWSNames: Sendable {
    public let company: String
    public let bucketSuffix: String

    public init(company: String, bucketSuffix: String) {
        self.company = company
        self.bucketSuffix = bucketSuffix
    }

    public init(_ config: Config) {
        self.init(company: config.org.company, bucketSuffix: config.naming.bucketSuffix)
    }

    /// `{company}-sm`: the prefix of stacks, groups, policies and security groups.
    public var prefix: String { "\(company)-sm" }

    // MARK: stacks

    public var networkStack: String { "\(prefix)-network" }
    public var identityStack: String { "\(prefix)-identity" }

    /// IAM users live in a fixed number of stacks, each user in the one its name hashes to,
    /// so no template outgrows CloudFormation's 500 resources (16 x 490 > IAM's 5,000 users)
    /// and adding a user never moves another one between stacks.
    public static let userShardCount = 16

    /// The shard of a user: FNV-1a of the lowercased name, modulo `userShardCount`.
    public static func userShard(_ user: String) -> Int {
        Int(userHash(user) % UInt32(userShardCount))
    }

    /// A user's part of their shard, when a shard's people outgrow a stack: the next digit of
    /// the same hash in base `userShardCount`.
    public static func userSubShard(_ user: String) -> Int {
        Int(userHash(user) / UInt32(userShardCount) % UInt32(userShardCount))
    }

    /// The shard of a model among its project's models stacks, when they do not fit one stack
    /// (`ModelsStack`): the users' hash of its name.
    public static func modelShard(_ model: String) -> Int {
        userShard(model)
    }

    private static func userHash(_ user: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in user.lowercased().utf8 {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        return hash
    }

    public func usersStack(_ shard: Int) -> String { "\(prefix)-users-\(Self.shardSuffix(shard))" }
    /// A shard's number in a stack name: two digits.
    static func shardSuffix(_ shard: Int) -> String { "\(shard < 10 ? "0" : "")\(shard)" }
    public var domainStack: String { "\(prefix)-domain" }
    public func teamStack(_ team: String) -> String { "\(prefix)-team-\(team)" }
    public func projectStack(_ team: String, _ project: String) -> String { "\(prefix)-project-\(team)-\(project)" }
    public func peopleStack(_ team: String, _ project: String) -> String { "\(prefix)-people-\(team)-\(project)" }
    /// One user shard's part of a project's people, when they do not fit one stack (`PeopleStack`).
    public func peopleStack(_ team: String, _ project: String, shard: Int) -> String {
        "\(peopleStack(team, project))-\(Self.shardSuffix(shard))"
    }
    /// One part of a user shard's people, when even those do not fit one stack.
    public func peopleStack(_ team: String, _ project: String, shard: Int, part: Int) -> String {
        "\(peopleStack(team, project, shard: shard))-\(Self.shardSuffix(part))"
    }
    public func mlopsStack(_ team: String, _ project: String) -> String { "\(prefix)-mlops-\(team)-\(project)" }
    public func modelsStack(_ team: String, _ project: String) -> String { "\(prefix)-models-\(team)-\(project)" }
    /// One model shard's endpoints, when a project's do not fit one stack (`ModelsStack`).
    public func modelsStack(_ team: String, _ project: String, shard: Int) -> String {
        "\(modelsStack(team, project))-\(Self.shardSuffix(shard))"
    }
    public var ecrStack: String { "\(prefix)-ecr" }
    public var monitoringStack: String { "\(prefix)-monitoring" }
    public var alarmTopic: String { "\(prefix)-alarms" }

    /// The export name of an output of `stack`.
    public func export(_ stack: String, _ output: String) -> String { "\(stack)-\(output)" }

    // MARK: IAM

    public var adminsGroup: String { "\(prefix)-admins" }
    /// A personal access group of a person over IAM's group limit (`GroupPlan`).
    public func accessGroup(_ user: String, _ index: Int) -> String { "\(prefix)-access-\(user)-\(index)" }
    public func accessStack(_ shard: Int) -> String { "\(prefix)-access-\(shard < 10 ? "0" : "")\(shard)" }
    public func teamGroup(_ team: String) -> String { "\(prefix)-team-\(team)" }
    public func projectGroup(_ team: String, _ project: String) -> String { "\(prefix)-\(team)-\(project)" }
    public var mfaPolicy: String { "\(prefix)-mfa" }
    public var adminsPolicy: String { "\(prefix)-admins" }
    public func teamPolicy(_ team: String) -> String { "\(prefix)-team-\(team)" }
    public func projectMemberPolicy(_ team: String, _ project: String) -> String {
        "\(prefix)-\(team)-\(project)-member"
    }
    public func deployerPolicy(_ team: String, _ project: String) -> String { "\(prefix)-\(team)-\(project)-deployer" }
    public func invokerPolicy(_ team: String, _ project: String) -> String { "\(prefix)-\(team)-\(project)-invoker" }
    public func executionRolePolicy(_ team: String, _ project: String) -> String {
        "\(prefix)-\(team)-\(project)-execution"
    }
    public func executionRole(_ team: String, _ short: String) -> String { "SageMaker-\(team)-\(short)-ExecutionRole" }
    public var domainDefaultRole: String { "SageMaker-\(company)-DomainDefaultRole" }

    // MARK: storage and network

    public func bucket(_ team: String, _ project: String) -> String { "\(prefix)-\(team)-\(project)\(bucketSuffix)" }

    // MARK: CI/CD (module mlops)

    public var cicdStack: String { "\(prefix)-cicd" }
    /// The CodeStar connection to the git host (at most 32 characters).
    public var gitConnection: String { "\(prefix)-git" }
    public func artifactBucket(_ team: String, _ project: String) -> String {
        "\(prefix)-\(team)-\(project)-cicd\(bucketSuffix)"
    }
    public func buildProject(_ team: String, _ project: String) -> String { "\(team)-\(project)-build" }
    public func buildLogGroup(_ team: String, _ project: String) -> String {
        "/aws/codebuild/\(buildProject(team, project))"
    }
    public func deliveryPipeline(_ team: String, _ project: String) -> String { "\(team)-\(project)-delivery" }
    public func buildRole(_ team: String, _ short: String) -> String { "SageMaker-\(team)-\(short)-Build" }
    public func deliveryRole(_ team: String, _ short: String) -> String { "SageMaker-\(team)-\(short)-Delivery" }
    public func sourceEventsRole(_ team: String, _ short: String) -> String {
        "SageMaker-\(team)-\(short)-SourceEvents"
    }
    public func buildPolicy(_ team: String, _ project: String) -> String { "\(prefix)-\(team)-\(project)-build" }
    public func deliveryPolicy(_ team: String, _ project: String) -> String { "\(prefix)-\(team)-\(project)-delivery" }
    public func sourceEventsPolicy(_ team: String, _ project: String) -> String {
        "\(prefix)-\(team)-\(project)-source-events"
    }
    /// Every property of a data-quality job definition is create-only (tags too): its name ends
    /// in their digest (`CreateOnlyDigest`).
    public func dataQualityJob(_ team: String, _ project: String, _ model: String, digest: String) -> String {
        "\(team)-\(project)-\(model)-dq-\(digest)"
    }
    public func monitoringSchedule(_ team: String, _ project: String, _ model: String) -> String {
        "\(team)-\(project)-\(model)-ms"
    }
    public func driftAlarm(_ endpoint: String) -> String { "\(endpoint)-data-drift" }
    public func driftTopic(_ team: String, _ project: String) -> String { "\(prefix)-\(team)-\(project)-drift" }
    public func retrainingTopic(_ team: String, _ project: String) -> String {
        "\(prefix)-\(team)-\(project)-retraining"
    }
    public func retrainFunction(_ team: String, _ project: String) -> String { "\(team)-\(project)-retrain" }
    public func retrainRole(_ team: String, _ short: String) -> String { "SageMaker-\(team)-\(short)-Retrain" }
    public func retrainPolicy(_ team: String, _ project: String) -> String { "\(prefix)-\(team)-\(project)-retrain" }
    /// The key of the zip an S3-sourced delivery pipeline starts from.
    public static let sourceObjectKey = "source/source.zip"
    public func securityGroup(_ purpose: String) -> String { "\(prefix)-\(purpose)" }

    // MARK: SageMaker

    /// A user name as it may appear in a SageMaker name: characters outside `[A-Za-z0-9-]` become `-`.
    public static func sageMakerUser(_ user: String) -> String {
        // Each character not allowed becomes one hyphen, whatever its UTF-8 length.
        var out: [UInt8] = []
        out.reserveCapacity(user.utf8.count)
        for byte in user.utf8 where !UTF8.isContinuation(byte) {
            out.append(Patterns.isAlnum(byte) || byte == Patterns.hyphen ? byte : Patterns.hyphen)
        }
        return String(decoding: out, as: UTF8.self)
    }

    public func userProfile(_ team: String, _ short: String, _ user: String) -> String {
        "profile-\(team)-\(short)-\(Self.sageMakerUser(user))"
    }
    public func space(_ team: String, _ short: String, _ user: String) -> String {
        "space-\(team)-\(short)-\(Self.sageMakerUser(user))"
    }
    public func modelPackageGroup(_ team: String, _ project: String) -> String { "\(team)-\(project)" }
    /// The prefix of every SageMaker resource a project owns (`{team}-{project}-`).
    public func resourcePrefix(_ team: String, _ project: String) -> String { "\(team)-\(project)-" }
    /// Where a model version's artifact lies in its project's bucket: each version its own
    /// key, so two versions never load the same bits.
    public static func modelArtifactKey(_ model: String, version: Int) -> String {
        "models/artifacts/\(model)/v\(version)/model.tar.gz"
    }
    /// A model cannot change in place either: its name ends in the digest of its create-only
    /// properties (`CreateOnlyDigest`), so a new image or artifact makes a new model.
    public func model(_ team: String, _ project: String, _ model: String, version: Int, digest: String) -> String {
        "\(team)-\(project)-\(model)-v\(version)-\(digest)"
    }
    /// An endpoint configuration cannot change in place: its name ends in a digest of its
    /// content, so a change creates a new one (and the endpoint switches to it) instead of
    /// failing on a fixed name.
    public func endpointConfig(_ team: String, _ project: String, _ model: String, digest: String) -> String {
        "\(team)-\(project)-\(model)-config-\(digest)"
    }
    public func endpoint(_ team: String, _ project: String, _ model: String) -> String {
        "\(team)-\(project)-\(model)-ep"
    }
    public func pipeline(_ team: String, _ project: String) -> String { "\(team)-\(project)-pipeline" }
    /// The name a pipeline step gives its job: SageMaker Pipelines uses it as a prefix (and
    /// appends `-` and a hash), so the job falls under the project's `{team}-{project}-*` policies.
    public func pipelineJob(_ team: String, _ project: String, _ step: String) -> String {
        "\(team)-\(project)-\(step)"
    }
    /// Room left in a 63-character job name for what Pipelines appends to the prefix.
    public static let pipelineJobSuffixRoom = 16

    // MARK: ECR and logs

    public func sharedRepository(_ repo: String) -> String { "\(company)-sagemaker-shared/\(repo)" }
    public func projectRepository(_ team: String, _ project: String, _ repo: String) -> String {
        "\(prefix)-\(team)-\(project)/\(repo)"
    }
    public static let processingLogGroup = "/aws/sagemaker/ProcessingJobs"
    public static let trainingLogGroup = "/aws/sagemaker/TrainingJobs"
    public static let endpointsLogGroup = "/aws/sagemaker/Endpoints"
    /// SageMaker writes an endpoint's logs to a log group of its own under `/aws/sagemaker/Endpoints/`.
    public func endpointLogGroup(_ endpoint: String) -> String { "\(Self.endpointsLogGroup)/\(endpoint)" }

    // MARK: logical IDs

    /// `ModelLatency` as `model-latency`: logical-ID words as a name suffix.
    public static func kebab(_ words: String) -> String {
        var out = ""
        for character in words {
            if character.isUppercase, !out.isEmpty { out.append("-") }
            out += character.lowercased()
        }
        return out
    }

    /// A CloudFormation logical ID from ids: each part split at non-alphanumerics, each piece
    /// capitalised (`["profile", "rc", "fraud", "alice"]` gives `ProfileRcFraudAlice`).
    public static func logicalId(_ parts: String...) -> String {
        logicalId(parts)
    }

    public static func logicalId(_ parts: [String]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count })
        for part in parts {
            var upperNext = true
            for byte in part.utf8 {
                if Patterns.isAlnum(byte) {
                    out.append(upperNext && Patterns.isLower(byte) ? byte - 32 : byte)
                    upperNext = false
                } else {
                    upperNext = true
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
