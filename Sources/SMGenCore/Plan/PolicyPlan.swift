/// One policy document of the plan, published as `policies/<file>.json` for review (or as
/// `<file>.json`, `<file>-2.json`... when IAM needs it split). The build stage writes the
/// document from `subject` (`PolicyBuilder`).
struct PolicyPlan: Sendable {
    /// How IAM holds the document, and so how it is sized and split.
    enum Holding: Sendable {
        /// A customer managed policy (6,144 characters a part).
        case managed
        /// A role's own policy: inline while it fits 10,240 characters, else managed parts.
        case ofRole
        /// A resource's policy, such as a bucket policy: never split.
        case resource
    }

    /// What the document grants.
    enum Subject: Sendable {
        case mfa
        case admins
        case team(Team)
        case projectMember(Team, Project)
        case executionRole(Team, Project)
        case bucket(Team, Project)
        case deployer(Team, Project)
        case invoker(Team, Project)
        case build(Team, Project)
        case delivery(Team, Project)
        case artifactsBucket(Team, Project)
        case retrain(Team, Project)
        case sourceEvents(Team, Project)
    }

    /// The name of its file (or of its first part's), without `.json`.
    let file: String
    /// The policy's IAM name (its parts are named after it); empty for a resource's policy.
    let name: String
    let holding: Holding
    let subject: Subject
}
