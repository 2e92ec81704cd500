/// What one part of the plan came to once built, checked and rendered: what the
/// environment-wide checks need of each stack, each stack's file, the part's policy files,
/// and what is wrong with the overrides of its stacks.
struct PartOutcome: Sendable {
    /// One per stack of the part, in its order.
    let tallies: [StackTally]
    /// One per stack of the part, in its order; nil for a stack whose overrides cannot apply.
    let stackFiles: [RenderedFile?]
    let policyFiles: [RenderedFile]
    let overrideProblems: [Diagnostic]
}
