/// A planned stack and the template the build stage made for it.
struct BuiltStack {
    let plan: StackPlan
    let template: CloudFormationTemplate
}
