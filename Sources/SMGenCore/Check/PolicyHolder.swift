/// An IAM group, role or user that managed policies are attached to, by kind (`group`,
/// `role`, `user`) and name.
struct PolicyHolder: Hashable, Sendable {
    let kind: String
    let name: String
}
