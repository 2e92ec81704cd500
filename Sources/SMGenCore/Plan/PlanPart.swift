/// A part of the plan that is built, checked and rendered on its own, on any core: the
/// platform's shared stacks, a user shard, a team, a project (with its people, pipeline and
/// endpoints) or a shard's personal access groups. Only one part's templates are ever in
/// memory on a core at a time.
struct PlanPart: Sendable {
    /// Its stacks, in deploy order.
    let stacks: [StackPlan]
    /// Its policy documents, in the order the README lists them.
    let policies: [PolicyPlan]
}
