/// CloudFormation does not offer every resource type in every region
/// (`RegionalResourceTypes`): a plan that needs a type its environment's region lacks is a
/// config error that names what brings the type in, never a template that fails to deploy.
enum RegionalAvailability {
    /// What brings each type that some region lacks into a plan, so what to change.
    private static let causes: [String: String] = [
        "AWS::SageMaker::Domain": "SageMaker Studio, which every platform has",
        "AWS::SageMaker::UserProfile": "SageMaker Studio, which every platform has",
        "AWS::SageMaker::Space": "SageMaker Studio, which every platform has",
        "AWS::SageMaker::ModelPackageGroup": "modules.model_registry",
        "AWS::SageMaker::Model": "the projects' models",
        "AWS::SageMaker::EndpointConfig": "the projects' models",
        "AWS::SageMaker::Endpoint": "the projects' models",
        "AWS::SageMaker::DataQualityJobDefinition": "models with 'monitor: true'",
        "AWS::SageMaker::MonitoringSchedule": "models with 'monitor: true'",
        "AWS::CodeBuild::Project": "modules.mlops",
        "AWS::CodeStarConnections::Connection": "modules.mlops with source git",
    ]

    /// One error per resource type of the plan that `environment`'s region does not offer,
    /// in the order the stacks first use them (`tallies`: every stack, in deploy order).
    static func check(_ tallies: [StackTally], _ environment: Environment, file: String) -> [Diagnostic] {
        guard let missing = RegionalResourceTypes.missing[environment.region] else { return [] }
        var needing: [(type: String, stacks: [String])] = []
        for tally in tallies {
            for type in Set(tally.types.keys).intersection(missing).sorted() {
                if let index = needing.firstIndex(where: { $0.type == type }) {
                    needing[index].stacks.append(tally.stack)
                } else {
                    needing.append((type, [tally.stack]))
                }
            }
        }
        return needing.map { type, stacks in
            let more = stacks.count > 1 ? " and \(stacks.count - 1) more" : ""
            let cause = causes[type].map { " (it comes with \($0))" } ?? ""
            return Diagnostic(
                .error, file: file, mark: environment.mark,
                message:
                    "environments.\(environment.name).region: CloudFormation offers no \(type) in \(environment.region), needed by stack \(stacks[0])\(more)\(cause); choose another region or leave out what needs it"
            )
        }
    }
}
