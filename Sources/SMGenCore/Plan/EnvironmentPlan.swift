/// The platform model of one environment: every stack (its kind, part, name and
/// dependencies) in deploy order, and every policy document, grouped into the parts that are
/// built on their own, and every AWS name. Holds names and references only; templates and
/// documents come from the build stage.
public struct EnvironmentPlan: Sendable {
    public let environment: Environment
    /// In deploy order: every stack comes after the stacks it depends on (`DeployOrder`).
    public let stacks: [StackPlan]
    /// The parts of the plan, in the order their policies are listed.
    let parts: [PlanPart]
    /// Whether project members hold their project's policy themselves, there being too many
    /// projects for a group each (`GroupPlan`).
    public let membersAttachedDirectly: Bool
    /// Every AWS name the platform uses.
    let names: NameCatalogue
}
