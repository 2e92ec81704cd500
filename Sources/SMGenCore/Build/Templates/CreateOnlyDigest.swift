import SMGenYAML

/// The digest a custom name carries so that a change CloudFormation can only make by
/// replacing the resource also changes its name: a replacement under the same custom name
/// fails ("requires replacement ... custom name"), under a new one it deploys. The digest
/// covers the resource's create-only properties as the CloudFormation schemas list them
/// (`CreateOnlyProperties`), except the name itself.
enum CreateOnlyDigest {
    /// Characters of the digest in a name.
    static let length = 8

    /// The digest of the create-only `properties` of a resource of `type`, leaving out
    /// `nameProperty`.
    static func of(_ type: String, _ properties: [YAMLEntry], excluding nameProperty: String) -> String {
        let createOnly = CreateOnlyProperties.always[type] ?? []
        let covered = properties.filter { entry in
            entry.key != nameProperty
                && createOnly.contains { $0 == entry.key || $0.hasPrefix(entry.key + ".") }
        }
        let text = YAMLWriter.write(.map(covered))
        return String(Renderer.sha256(Array(text.utf8)).prefix(length))
    }

    /// A stand-in of a digest's length, for checking a name's length before it is built.
    static let standIn = String(repeating: "0", count: length)
}
