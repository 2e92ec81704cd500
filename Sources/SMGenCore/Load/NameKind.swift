import SMGenYAML

/// The AWS name rules smgen checks every computed name against.
public enum NameKind: String, Sendable, CaseIterable {
    case s3Bucket = "S3 bucket name"
    case iamRole = "IAM role name"
    case iamUser = "IAM user name"
    case iamGroup = "IAM group name"
    case iamPolicy = "IAM managed policy name"
    case sageMaker = "SageMaker name"
    case ecrRepository = "ECR repository name"
    case logGroup = "CloudWatch log group name"
    case stack = "CloudFormation stack name"
    case export = "CloudFormation export name"
    case logicalId = "CloudFormation logical ID"
    case securityGroup = "security group name"

    /// What the rule allows, for messages.
    public var rule: String {
        switch self {
        case .s3Bucket:
            return "3 to 63 lowercase letters, digits, '-' or '.', starting and ending with a letter or digit"
        case .iamRole, .iamUser: return "1 to 64 letters, digits or + = , . @ _ -"
        case .iamGroup, .iamPolicy: return "1 to 128 letters, digits or + = , . @ _ -"
        case .sageMaker: return "1 to 63 letters, digits or single '-', starting and ending with a letter or digit"
        case .ecrRepository: return "2 to 256 lowercase letters and digits, separated by single '.', '_', '-' or '/'"
        case .logGroup: return "1 to 512 letters, digits or _ - / . #"
        case .stack: return "1 to 128 letters, digits or '-', starting with a letter"
        case .export: return "1 to 255 letters, digits, ':' or '-'"
        case .logicalId: return "1 to 255 letters or digits"
        case .securityGroup: return "1 to 255 characters, not starting with 'sg-'"
        }
    }

    /// True when `name` obeys this rule.
    public func accepts(_ name: String) -> Bool {
        name.withUTF8Bytes { bytes in
            let iamChars = { (c: UInt8) -> Bool in
                switch c {
                case UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "@"),
                    UInt8(ascii: "_"), Patterns.hyphen:
                    true
                default: Patterns.isAlnum(c)
                }
            }
            switch self {
            case .s3Bucket: return NameRules.isBucketName(bytes)
            case .iamRole, .iamUser: return (1...64).contains(bytes.count) && bytes.allSatisfy(iamChars)
            case .iamGroup, .iamPolicy: return (1...128).contains(bytes.count) && bytes.allSatisfy(iamChars)
            case .sageMaker:
                guard (1...63).contains(bytes.count), let first = bytes.first, let last = bytes.last else {
                    return false
                }
                return Patterns.isAlnum(first) && Patterns.isAlnum(last)
                    && bytes.allSatisfy { Patterns.isAlnum($0) || $0 == Patterns.hyphen }
            case .ecrRepository: return (2...256).contains(bytes.count) && Patterns.isRepositoryName(bytes)
            case .logGroup:
                return (1...512).contains(bytes.count)
                    && bytes.allSatisfy {
                        Patterns.isAlnum($0) || $0 == UInt8(ascii: "_") || $0 == Patterns.hyphen
                            || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "#")
                    }
            case .stack:
                guard (1...128).contains(bytes.count), let first = bytes.first else { return false }
                return Patterns.isLower(first) || Patterns.isUpper(first)
                    ? bytes.allSatisfy { Patterns.isAlnum($0) || $0 == Patterns.hyphen } : false
            case .export:
                return (1...255).contains(bytes.count)
                    && bytes.allSatisfy { Patterns.isAlnum($0) || $0 == Patterns.hyphen || $0 == UInt8(ascii: ":") }
            case .logicalId: return (1...255).contains(bytes.count) && bytes.allSatisfy(Patterns.isAlnum)
            case .securityGroup: return (1...255).contains(bytes.count) && !bytes.starts(with: "sg-".utf8)
            }
        }
    }
}
