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

    /// Every stack of `plan` built, in the order of its parts, a part on each core: for what
    /// needs the templates of a whole environment at once (`smgen graph --resources`).
    static func stacks(of plan: EnvironmentPlan, _ config: Config) -> [BuiltStack] {
        let context = PlatformContext(config: config, environment: plan.environment)
        return Parallel.map(plan.parts) { BuiltPart($0, context).stacks }.flatMap { $0 }
    }
}
