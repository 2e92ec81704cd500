import SMGenYAML

/// One target: an AWS account and region with its existing VPC.
public struct Environment: Sendable {
    public var name: String
    public var mark: Mark
    public var account: String
    public var region: String
    public var vpc: VPC
    public var templateBucket: String
    /// Where the account is given (the environment's key when it is missing).
    var accountMark = Mark(line: 1, column: 1)
}
