/// One stack of an environment's plan: its name, what it holds, the part of the plan it is
/// built with, and the stacks that must be deployed before it. No template: the build stage
/// makes that from `kind`. A class: thousands of them are handed around (the deploy order,
/// the parts, the README, the scripts, the manifest), each copy a single reference.
public final class StackPlan: Sendable {
    public let name: String
    let kind: StackKind
    /// The index of its part in `EnvironmentPlan.parts`.
    let part: Int
    /// The stacks whose exports it imports or whose resources it names.
    public let dependsOn: [String]

    init(name: String, kind: StackKind, part: Int, dependsOn: [String]) {
        self.name = name
        self.kind = kind
        self.part = part
        self.dependsOn = dependsOn
    }

    /// The path of its template in the environment's output tree.
    var file: String { "stacks/\(name).yaml" }
}
