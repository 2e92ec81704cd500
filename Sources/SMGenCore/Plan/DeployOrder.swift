/// The order stacks are deployed in: each after every stack it depends on. It places, in
/// passes over the stacks as the planner lists them (network and identity, users, domain
/// and modules, teams and projects with their people, access groups, pipelines,
/// endpoints), every stack whose dependencies are placed: a listing already in dependency
/// order is kept as it is, so the order reads in the platform's layers.
enum DeployOrder {
    /// `stacks` in deploy order. A dependency on a stack the plan does not have, or a cycle,
    /// is a planner bug: nothing a config can cause.
    static func sorted(_ stacks: [StackPlan]) -> [StackPlan] {
        let known = Set(stacks.map(\.name))
        for stack in stacks {
            for dependency in stack.dependsOn where !known.contains(dependency) {
                preconditionFailure("stack \(stack.name) depends on \(dependency), which the plan does not have")
            }
        }
        var placed = Set<String>()
        placed.reserveCapacity(stacks.count)
        var ordered: [StackPlan] = []
        ordered.reserveCapacity(stacks.count)
        var waiting = stacks
        while !waiting.isEmpty {
            var stillWaiting: [StackPlan] = []
            for stack in waiting {
                if stack.dependsOn.allSatisfy(placed.contains) {
                    ordered.append(stack)
                    placed.insert(stack.name)
                } else {
                    stillWaiting.append(stack)
                }
            }
            precondition(
                stillWaiting.count < waiting.count, "the stacks \(stillWaiting.map(\.name)) depend on each other")
            waiting = stillWaiting
        }
        return ordered
    }
}
