/// What the build stage made of one part of the plan: its stacks' templates and its policy
/// files, as values. Built on one core with a policy cache of its own (a project's policies
/// are packed for its stack and its policy files only), and let go once rendered.
struct BuiltPart {
    let stacks: [BuiltStack]
    let policies: [PolicyFile]

    init(_ part: PlanPart, _ context: PlatformContext) {
        let context = context.withOwnPolicyCache()
        stacks = part.stacks.map { BuiltStack(plan: $0, template: StackBuilder.build($0, context)) }
        policies = part.policies.flatMap { PolicyBuilder.build($0, context) }
    }
}
