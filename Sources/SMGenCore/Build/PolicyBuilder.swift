/// The build stage for policy documents: a planned policy's file(s), as its stack deploys
/// it: `file.json`, then `file-2.json`... when IAM needs it split (the parts come from the
/// part's cache, shared with the stack that deploys them); a role's own policy is one file
/// while it is inline, a resource's policy always one.
enum PolicyBuilder {
    static func build(_ policy: PolicyPlan, _ context: PlatformContext) -> [PolicyFile] {
        let document = { () -> PolicyDocument in Self.document(policy.subject, context) }
        let parts: [ManagedPolicies.Part]
        switch policy.holding {
        case .managed: parts = ManagedPolicies.parts(document(), context, name: policy.name)
        case .ofRole: parts = RolePolicies.parts(document(), context, name: policy.name)
        case .resource: return [PolicyFile(file: "\(policy.file).json", document: document().value)]
        }
        return parts.map { PolicyFile(file: "\(policy.file)\($0.suffix).json", document: $0.value) }
    }

    /// The whole document of `subject`.
    private static func document(_ subject: PolicyPlan.Subject, _ context: PlatformContext) -> PolicyDocument {
        let names = context.names
        switch subject {
        case .mfa: return IdentityPolicies.mfa()
        case .admins: return IdentityPolicies.admins(context)
        case .team(let team): return TeamPolicy.document(team, context)
        case .projectMember(let team, let project): return ProjectPolicies.member(team, project, context)
        case .executionRole(let team, let project): return ProjectPolicies.executionRole(team, project, context)
        case .bucket(let team, let project): return SecureBucket.tlsOnly(names.bucket(team.id, project.id))
        case .deployer(let team, let project): return ProjectPolicies.deployer(team, project, context)
        case .invoker(let team, let project): return ProjectPolicies.invoker(team, project, context)
        case .build(let team, let project): return DeliveryPolicies.build(team, project, context)
        case .delivery(let team, let project): return DeliveryPolicies.delivery(team, project, context)
        case .artifactsBucket(let team, let project):
            return SecureBucket.tlsOnly(names.artifactBucket(team.id, project.id))
        case .retrain(let team, let project): return MonitorPolicies.retrain(team, project, context)
        case .sourceEvents(let team, let project): return DeliveryPolicies.sourceEvents(team, project, context)
        }
    }
}
