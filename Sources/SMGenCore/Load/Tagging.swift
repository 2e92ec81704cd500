/// Tags smgen sets itself on the resources it generates; the config may not redefine them.
enum Tagging {
    static let reservedKeys: Set<String> = ["Team", "Project", "Owner", "Model", "Environment", "Version", "ManagedBy"]

    /// `text` as a tag value: each character AWS tags cannot hold becomes `_` (of an IAM
    /// user name, only the comma: `a,b` is tagged `a_b`).
    static func value(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy(Patterns.isTagScalar) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(Patterns.isTagScalar(scalar) ? scalar : "_") }
        return String(scalars)
    }
}
