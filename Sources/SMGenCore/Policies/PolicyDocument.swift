import SMGenYAML

/// One IAM policy statement. Actions are written sorted and unique; resources are plain
/// strings or `!Sub` values (see `ARN`).
public struct PolicyStatement: Sendable {
    public var sid: String
    public var allow: Bool
    public var actions: [String]
    /// True for `NotAction` (used by the MFA policy's deny).
    public var notAction: Bool
    public var principal: YAMLValue?
    public var resources: [YAMLValue]
    /// Condition operators in order, each with its keys in order.
    public var conditions: [YAMLEntry]

    public init(_ sid: String, allow: Bool = true, actions: [String], notAction: Bool = false, principal: YAMLValue? = nil,
                resources: [YAMLValue], conditions: [YAMLEntry] = []) {
        self.sid = sid
        self.allow = allow
        self.actions = actions
        self.notAction = notAction
        self.principal = principal
        self.resources = resources
        self.conditions = conditions
    }

    var value: YAMLValue {
        var entries: [YAMLEntry] = [YAMLEntry("Sid", .string(sid)), YAMLEntry("Effect", allow ? "Allow" : "Deny")]
        if let principal { entries.append(YAMLEntry("Principal", principal)) }
        var sorted = actions.sorted()
        sorted.removeDuplicates()
        entries.append(YAMLEntry(notAction ? "NotAction" : "Action", sorted.count == 1 ? .string(sorted[0]) : .strings(sorted)))
        entries.append(YAMLEntry("Resource", resources.count == 1 ? resources[0] : .list(resources)))
        if !conditions.isEmpty { entries.append(YAMLEntry("Condition", .map(conditions))) }
        return .map(entries)
    }
}

extension [String] {
    /// Removes each element equal to the one before it (of a sorted array: every duplicate).
    fileprivate mutating func removeDuplicates() {
        guard count > 1 else { return }
        var kept = 1
        for index in 1..<count where self[index] != self[kept - 1] {
            self[kept] = self[index]
            kept += 1
        }
        removeLast(count - kept)
    }
}

/// An IAM policy document (version 2012-10-17).
public struct PolicyDocument: Sendable {
    public var statements: [PolicyStatement]

    public init(_ statements: [PolicyStatement]) {
        self.statements = statements
    }

    /// The document as CloudFormation writes it (with `!Sub` and `!ImportValue`).
    public var value: YAMLValue { Self.value(of: statements.map(\.value)) }

    /// A document around statements already turned into values (or resolved).
    static func value(of statements: [YAMLValue]) -> YAMLValue {
        .map(["Version": "2012-10-17", "Statement": .list(statements)])
    }
}

/// Builders of ARNs as `!Sub` values, with the partition, region and account left to
/// CloudFormation. IAM policy variables are written `${!aws:username}` (escaped for `!Sub`).
public enum ARN {
    public static let partition = "${AWS::Partition}"
    public static let userNameVariable = "${!aws:username}"
    /// The same variable where CloudFormation leaves text as it is (outside `!Sub`): in a condition's value.
    public static let plainUserNameVariable = "${aws:username}"

    public static func s3(_ path: String) -> YAMLValue { Fn.sub("arn:\(partition):s3:::\(path)") }
    public static func iam(_ resource: String) -> YAMLValue { Fn.sub("arn:\(partition):iam::${AWS::AccountId}:\(resource)") }
    public static func regional(_ service: String, _ resource: String) -> String {
        "arn:\(partition):\(service):${AWS::Region}:${AWS::AccountId}:\(resource)"
    }
    public static func sageMaker(_ resource: String) -> YAMLValue { Fn.sub(regional("sagemaker", resource)) }
    public static func logs(_ resource: String) -> YAMLValue { Fn.sub(regional("logs", resource)) }
    public static func ecr(_ resource: String) -> YAMLValue { Fn.sub(regional("ecr", resource)) }
    public static func ec2(_ resource: String) -> YAMLValue { Fn.sub(regional("ec2", resource)) }
    public static func codeBuild(_ project: String) -> YAMLValue { Fn.sub(regional("codebuild", "project/\(project)")) }
    public static func codePipeline(_ pipeline: String) -> YAMLValue { Fn.sub(regional("codepipeline", pipeline)) }

    /// A SageMaker Studio ARN inside the platform's domain (`${DomainId}` comes from the domain stack).
    public static func inDomain(_ resource: (String) -> String, domainExport: String) -> YAMLValue {
        Fn.sub(regional("sagemaker", resource("${DomainId}")), [YAMLEntry("DomainId", Fn.importValue(domainExport))])
    }
}
