import SMGenYAML

/// The org's shared repositories (`{company}-sagemaker-shared/...`), in a stack of their own.
enum EcrStack {
    static func build(_ module: ECRModule, _ context: PlatformContext) -> CloudFormationTemplate {
        var template = CloudFormationTemplate(
            description: "smgen: shared ECR repositories of \(context.config.org.company)")
        for repo in module.sharedRepos {
            template.add(
                RepositoryResources.repository(
                    AWSNames.logicalId("shared", repo, "repository"), name: context.names.sharedRepository(repo),
                    keepImages: module.keepImages, tags: context.tags()))
        }
        return template
    }
}
