import SMGenYAML

/// The organisation: the name prefix and the tags put on every taggable resource.
public struct Org: Sendable {
    public var company: String
    public var companyMark: Mark
    public var tags: [Tag]
}
