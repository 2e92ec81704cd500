/// One AWS name the platform uses: the rule it obeys, the namespace it is unique in, and
/// the config entry it comes from.
struct NamedResource: Sendable {
    let kind: NameKind
    let namespace: NameNamespace
    let name: String
    let origin: NameOrigin
    /// False for a name the platform refers to but does not create in this config (a model
    /// package group without the registry module), which `verify.sh` must not look for.
    var created = true

    /// The `verify.sh` record kind that checks this resource, if any.
    var verifyCheck: (kind: String, order: Int)? { created ? namespace.verifyCheck : nil }
}
