import SMGenYAML

/// Team members: open Studio through their own user profiles only, and see the team's
/// Studio, job and model resources.
enum TeamPolicy {
    /// The team's policy: its own profiles named one by one while that fits one managed
    /// policy, otherwise matched by their Owner tag (a team of hundreds of projects would
    /// need more managed policies than IAM attaches to a group).
    static func document(_ team: Team, _ context: PlatformContext) -> PolicyDocument {
        let byName = document(team, context, profilesByName: true)
        return ManagedPolicies.fitsOne(byName, context) ? byName : document(team, context, profilesByName: false)
    }

    private static func document(_ team: Team, _ context: PlatformContext, profilesByName: Bool) -> PolicyDocument {
        let names = context.names
        let domain = context.domainIdExport
        var statements: [PolicyStatement] = []
        // `${aws:username}` stands for the caller: each user reaches only the profile named after them.
        let ownProfiles = team.projects.filter { !$0.members.isEmpty }.map { project in
            ARN.inDomain(
                { "user-profile/\($0)/profile-\(team.id)-\(project.short)-\(ARN.userNameVariable)" },
                domainExport: domain)
        }
        if profilesByName && !ownProfiles.isEmpty {
            statements.append(
                PolicyStatement(
                    "OpenStudioThroughOwnProfiles", actions: ["sagemaker:CreatePresignedDomainUrl"],
                    resources: ownProfiles))
        }
        // Profiles matched by their Owner tag, which holds the IAM user name (a profile's tags
        // cannot change after it is created, and only admins may tag profiles), in one
        // statement however many users: for users whose IAM name has characters SageMaker
        // names cannot hold (`j.doe` opens `profile-...-j-doe`, which `${aws:username}` cannot
        // name), and for everyone when the names do not fit one policy. A tag holds a comma as
        // `_`: the rare users with a comma in their name get each profile by name instead.
        let renamed = Set(team.projects.flatMap(\.members)).filter { AWSNames.sageMakerUser($0) != $0 }
        if !ownProfiles.isEmpty && (!profilesByName || renamed.contains(where: { Tagging.value($0) == $0 })) {
            statements.append(
                PolicyStatement(
                    "OpenStudioThroughProfilesTaggedAsOwn", actions: ["sagemaker:CreatePresignedDomainUrl"],
                    resources: [ARN.inDomain({ "user-profile/\($0)/profile-\(team.id)-*" }, domainExport: domain)],
                    conditions: [
                        YAMLEntry(
                            "StringEquals", .map(["sagemaker:ResourceTag/Owner": .string(ARN.plainUserNameVariable)]))
                    ]
                ))
        }
        for project in team.projects {
            for member in project.members where renamed.contains(member) && Tagging.value(member) != member {
                let profile = names.userProfile(team.id, project.short, member)
                statements.append(
                    PolicyStatement(
                        AWSNames.logicalId("open", "studio", "as", profile),
                        actions: ["sagemaker:CreatePresignedDomainUrl"],
                        resources: [ARN.inDomain({ "user-profile/\($0)/\(profile)" }, domainExport: domain)],
                        conditions: [YAMLEntry("StringEquals", .map(["aws:username": .string(member)]))]
                    ))
            }
        }
        statements.append(
            PolicyStatement(
                "SeeTeamStudioResources",
                actions: [
                    "sagemaker:DescribeApp", "sagemaker:DescribeDomain", "sagemaker:DescribeSpace",
                    "sagemaker:DescribeUserProfile",
                ],
                resources: [
                    ARN.inDomain({ "domain/\($0)" }, domainExport: domain),
                    ARN.inDomain({ "user-profile/\($0)/profile-\(team.id)-*" }, domainExport: domain),
                    ARN.inDomain({ "space/\($0)/space-\(team.id)-*" }, domainExport: domain),
                    ARN.inDomain({ "app/\($0)/space-\(team.id)-*/*" }, domainExport: domain),
                ]))
        statements.append(
            PolicyStatement(
                "SeeTeamJobsAndModels",
                actions: [
                    "sagemaker:DescribeEndpoint", "sagemaker:DescribeEndpointConfig", "sagemaker:DescribeModel",
                    "sagemaker:DescribeModelPackage", "sagemaker:DescribeModelPackageGroup",
                    "sagemaker:DescribeProcessingJob",
                    "sagemaker:DescribeTrainingJob", "sagemaker:ListTags",
                ],
                resources: [
                    "endpoint", "endpoint-config", "model", "model-package", "model-package-group", "processing-job",
                    "training-job",
                ].map {
                    ARN.sageMaker("\($0)/\(team.id)-*")
                }))
        statements.append(
            PolicyStatement(
                "ListStudioAndSageMakerResources",
                actions: SharedStatements.listActions + [
                    "sagemaker:ListApps", "sagemaker:ListDomains", "sagemaker:ListSpaces", "sagemaker:ListUserProfiles",
                    "s3:ListAllMyBuckets",
                ], resources: ["*"]))
        return PolicyDocument(statements)
    }
}
