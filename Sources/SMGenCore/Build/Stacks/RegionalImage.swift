/// An image AWS publishes in one account per region, for SageMaker jobs to pull.
struct RegionalImage: Sendable {
    let repository: String
    let tag: String
    /// The account hosting the image in each region.
    let registries: [String: String]

    /// The image URI in `region`, or nil where it is not published.
    func uri(region: String) -> String? {
        guard let account = registries[region] else { return nil }
        return "\(account).dkr.ecr.\(region).\(Regions.urlSuffix(of: region))/\(repository):\(tag)"
    }
}
