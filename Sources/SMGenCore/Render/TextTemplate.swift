/// The text templates of `templates/` (embedded at build time), filled in by `{{name}}`.
enum TextTemplate {
    /// `template` with every `{{key}}` replaced by its value. Every placeholder must have a
    /// value and every value a placeholder: a mismatch is a bug in smgen, caught by its tests.
    static func render(_ template: String, _ values: [String: String]) -> String {
        guard let text = EmbeddedTemplates.files[template] else { preconditionFailure("no template \(template)") }
        var out = ""
        var used = Set<String>()
        var rest = Substring(text)
        while let open = rest.firstRange(of: "{{"), let close = rest[open.upperBound...].firstRange(of: "}}") {
            out += rest[..<open.lowerBound]
            let key = String(rest[open.upperBound..<close.lowerBound])
            guard let value = values[key] else {
                preconditionFailure("template \(template) has no value for {{\(key)}}")
            }
            out += value
            used.insert(key)
            rest = rest[close.upperBound...]
        }
        precondition(
            used == Set(values.keys), "template \(template) does not use \(Set(values.keys).subtracting(used).sorted())"
        )
        return out + rest
    }
}
