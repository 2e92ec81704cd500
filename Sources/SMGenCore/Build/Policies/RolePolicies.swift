import SMGenYAML

/// A role's own policy (the execution role's, the pipeline roles'): one document for one
/// role, so it is inline in the role (its `Policies`), as IAM recommends for a policy in a
/// strict one-to-one relation, and counts against no account quota of managed policies. IAM
/// holds 10,240 characters of inline policy a role (whitespace not counted); a document
/// larger than that becomes managed policies of at most 6,144 characters each instead
/// (`ManagedPolicies`), attached to the role.
enum RolePolicies {

    /// The document as deployed: one inline part, or several managed parts (never one, as a
    /// document over 10,240 characters does not fit one managed policy). Sized as
    /// `ManagedPolicies` sizes, and packed once per plan under `name`.
    static func parts(_ document: @autoclosure () -> PolicyDocument, _ context: PlatformContext, name: String)
        -> [ManagedPolicies.Part]
    {
        context.policyParts.parts(name) {
            let whole = document()
            let value = whole.value
            guard JSONWriter.compactSize(value, tags: context.resolver.tagText) > AWSLimits.roleInlinePolicyCharacters
            else {
                return [.init(suffix: "", value: value)]
            }
            return ManagedPolicies.pack(whole, context)
        }
    }

    /// Adds `role` with `document` as its policy, named `name`: inline, or as managed policies
    /// (`logicalId`, `logicalId2`...) when too large. Returns the logical ids of those managed
    /// policies (none when inline), for resources that need the role's permissions in place.
    @discardableResult
    static func add(
        _ role: CloudFormationTemplate.Resource, policy document: PolicyDocument,
        to template: inout CloudFormationTemplate,
        logicalId: String, name: String, description: String, context: PlatformContext
    ) -> [String] {
        let parts = parts(document, context, name: name)
        var role = role
        guard parts.count > 1 else {
            let inline = YAMLEntry("Policies", [.map(["PolicyName": .string(name), "PolicyDocument": parts[0].value])])
            role.properties.insert(inline, at: role.properties.firstIndex { $0.key == "Tags" } ?? role.properties.count)
            template.add(role)
            return []
        }
        template.add(role)
        return ManagedPolicies.add(
            parts, to: &template, logicalId: logicalId, name: name, description: description,
            attachment: .role(role.logicalId))
    }
}
