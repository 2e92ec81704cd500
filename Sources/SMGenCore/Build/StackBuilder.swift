/// The build stage for stacks: a stack's template, from what its plan says it holds.
enum StackBuilder {
    static func build(_ stack: StackPlan, _ context: PlatformContext) -> CloudFormationTemplate {
        switch stack.kind {
        case .network: NetworkStack.build(context)
        case .identity: IdentityStack.build(context)
        case .users(_, let users): UsersStack.build(users, context)
        case .domain: DomainStack.build(context)
        case .ecr(let module): EcrStack.build(module, context)
        case .monitoring(let module): MonitoringStack.build(module, context)
        case .cicd(let provider): CICDStack.build(provider: provider, context)
        case .team(let team): TeamStack.build(team, context)
        case .project(let team, let project): ProjectStack.build(team, project, context)
        case .people(let team, let project, let people): PeopleStack.build(team, project, people, context)
        case .mlops(let team, let project): MLOpsStack.build(team, project, context)
        case .models(let team, let project, let models): ModelsStack.build(team, project, models, context)
        case .access(_, let users): AccessStack.build(users, context)
        }
    }
}
