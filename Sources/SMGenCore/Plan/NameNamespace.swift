/// A set of names within which each must be unique (IAM compares names case-insensitively,
/// so every namespace here does too), and what `verify.sh` checks of a resource in it.
/// `rolePolicy` holds the names of the roles' inline policies.
enum NameNamespace: Sendable {
    case stack, iamUser, iamGroup, iamPolicy, iamRole, rolePolicy, securityGroup, bucket, repository
    case domain, userProfile, space, packageGroup, pipeline, pipelineJob, model, endpointConfig, endpoint
    case jobDefinition, monitoringSchedule
    /// A user's and a member's profile logical IDs: each unique within its stack kind.
    case userLogicalId, profileLogicalId

    /// The record kind of `verify.sh` that checks a resource of this namespace, in the
    /// order `verify.sh` checks them (the domain first: the profiles' and spaces' checks need
    /// its id), or nil for names it does not check (stacks are checked from the plan).
    var verifyCheck: (kind: String, order: Int)? {
        switch self {
        case .domain: ("domain", 0)
        case .userProfile: ("profile", 1)
        case .space: ("space", 2)
        case .bucket: ("bucket", 3)
        case .iamRole: ("role", 4)
        case .iamUser: ("user", 5)
        case .repository: ("repository", 6)
        case .packageGroup: ("package-group", 7)
        case .pipeline: ("pipeline", 8)
        case .endpoint: ("endpoint", 9)
        case .monitoringSchedule: ("monitoring-schedule", 10)
        case .stack, .iamGroup, .iamPolicy, .rolePolicy, .securityGroup, .pipelineJob, .model, .endpointConfig,
            .jobDefinition,
            .userLogicalId, .profileLogicalId:
            nil
        }
    }
}
