import SMGenYAML

/// Team members: open Studio through their own user profiles only, and see the team's
/// Studio, job and model resources.
enum TeamPolicy {
    static func document(_ team: Team, _ context: PlatformContext) -> PolicyDocument {
        let names = context.names
        let domain = context.domainIdExport
        var statements: [PolicyStatement] = []
        // `${aws:username}` stands for the caller: each user reaches only the profile named after them.
        let ownProfiles = team.projects.filter { !$0.members.isEmpty }.map { project in
            ARN.inDomain({ "user-profile/\($0)/profile-\(team.id)-\(project.short)-\(ARN.userNameVariable)" }, domainExport: domain)
        }
        if !ownProfiles.isEmpty {
            statements.append(PolicyStatement("OpenStudioThroughOwnProfiles", actions: ["sagemaker:CreatePresignedDomainUrl"], resources: ownProfiles))
        }
        // Users whose IAM name has characters SageMaker names cannot hold get their profile by name.
        for project in team.projects {
            for member in project.members where AWSNames.sageMakerUser(member) != member {
                let profile = names.userProfile(team.id, project.short, member)
                statements.append(PolicyStatement(
                    AWSNames.logicalId("open", "studio", "as", profile), actions: ["sagemaker:CreatePresignedDomainUrl"],
                    resources: [ARN.inDomain({ "user-profile/\($0)/\(profile)" }, domainExport: domain)],
                    conditions: [YAMLEntry("StringEquals", .map(["aws:username": .string(member)]))]
                ))
            }
        }
        statements.append(PolicyStatement("SeeTeamStudioResources", actions: [
            "sagemaker:DescribeApp", "sagemaker:DescribeDomain", "sagemaker:DescribeSpace", "sagemaker:DescribeUserProfile",
        ], resources: [
            ARN.inDomain({ "domain/\($0)" }, domainExport: domain),
            ARN.inDomain({ "user-profile/\($0)/profile-\(team.id)-*" }, domainExport: domain),
            ARN.inDomain({ "space/\($0)/space-\(team.id)-*" }, domainExport: domain),
            ARN.inDomain({ "app/\($0)/space-\(team.id)-*/*" }, domainExport: domain),
        ]))
        statements.append(PolicyStatement("SeeTeamJobsAndModels", actions: [
            "sagemaker:DescribeEndpoint", "sagemaker:DescribeEndpointConfig", "sagemaker:DescribeModel",
            "sagemaker:DescribeModelPackage", "sagemaker:DescribeModelPackageGroup", "sagemaker:DescribeProcessingJob",
            "sagemaker:DescribeTrainingJob", "sagemaker:ListTags",
        ], resources: ["endpoint", "endpoint-config", "model", "model-package", "model-package-group", "processing-job", "training-job"].map {
            ARN.sageMaker("\($0)/\(team.id)-*")
        }))
        statements.append(PolicyStatement("ListStudioAndSageMakerResources", actions: SharedStatements.listActions + [
            "sagemaker:ListApps", "sagemaker:ListDomains", "sagemaker:ListSpaces", "sagemaker:ListUserProfiles", "s3:ListAllMyBuckets",
        ], resources: ["*"]))
        return PolicyDocument(statements)
    }
}
