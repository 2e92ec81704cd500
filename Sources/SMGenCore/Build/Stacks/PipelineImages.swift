/// The images a project's pipeline runs: for each kind of step, the project's own ECR
/// repository of that name when the ecr module lists it, otherwise AWS's scikit-learn image.
enum PipelineImages {
    enum Kind: String, CaseIterable {
        case processing = "preprocessing"
        case training
        case inference
    }

    /// The kinds of step that run the project's own image (the ecr module lists their repository).
    static func ownKinds(_ ecr: ECRModule?) -> [Kind] {
        Kind.allCases.filter { ecr?.projectRepos.contains($0.rawValue) == true }
    }

    /// True when every kind of step has a project repository (no AWS image is needed).
    static func usesOnlyProjectImages(_ ecr: ECRModule?) -> Bool {
        ownKinds(ecr).count == Kind.allCases.count
    }

    /// The image URI for `kind` in a `!Sub` text (`${AWS::AccountId}` and the like resolved by
    /// CloudFormation); the `latest` tag of the project's repository, which its build pushes.
    static func image(_ kind: Kind, team: String, project: String, _ context: PlatformContext) -> String {
        if ownKinds(context.config.modules.ecr).contains(kind) {
            let repository = context.names.projectRepository(team, project, kind.rawValue)
            return "${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/\(repository):latest"
        }
        guard let image = AWSImages.scikitLearn.uri(region: context.environment.region) else {
            preconditionFailure("the config rules refuse mlops without an image in \(context.environment.region)")
        }
        return image
    }
}
