import SMGenYAML

/// The existing VPC the platform lives in.
public struct VPC: Sendable {
    public var id: String
    public var cidr: String
    public var subnets: [String]
    public var endpoints: Bool
    public var routeTables: [String]
}
