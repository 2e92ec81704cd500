/// The images a project's pipeline runs: for each kind of step, the project's own ECR
/// repository of that name when the ecr module lists it, otherwise AWS's scikit-learn image.
enum PipelineImages {
    enum Kind: String, CaseIterable {
        case processing = "preprocessing"
        case training
        case inference
    }

    /// True when every kind of step has a project repository (no AWS image is needed).
    static func usesOnlyProjectImages(_ ecr: ECRModule?) -> Bool {
        guard let ecr else { return false }
        return Kind.allCases.allSatisfy { ecr.projectRepos.contains($0.rawValue) }
    }

    /// The image URI for `kind` in a `!Sub` text (`${AWS::AccountId}` and the like resolved by
    /// CloudFormation); the `latest` tag of the project's repository, which its build pushes.
    static func image(_ kind: Kind, team: String, project: String, _ context: PlatformContext) -> String {
        if let ecr = context.config.modules.ecr, ecr.projectRepos.contains(kind.rawValue) {
            let repository = context.names.projectRepository(team, project, kind.rawValue)
            return "${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/\(repository):latest"
        }
        guard let image = AWSImages.scikitLearn.uri(region: context.environment.region) else {
            preconditionFailure("the config rules refuse mlops without an image in \(context.environment.region)")
        }
        return image
    }
}
