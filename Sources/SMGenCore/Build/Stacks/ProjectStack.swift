import SMGenYAML

/// A project's stack: its bucket (retained, versioned, encrypted, private, TLS only), its
/// SageMaker execution role and policy, its members' policy (and group), its image
/// repositories and model package group, and the deployer and invoker policies.
enum ProjectStack {
    static func build(_ team: Team, _ project: Project, _ context: PlatformContext) -> CloudFormationTemplate {
        let names = context.names
        let bucket = names.bucket(team.id, project.id)
        let role = names.executionRole(team.id, project.short)
        var template = CloudFormationTemplate(
            description: "smgen: project \(team.id)/\(project.id): data bucket, execution role, member access")
        template.add(SecureBucket.bucket("Bucket", name: bucket, tags: context.projectTags(team, project)))
        template.add(SecureBucket.policy("BucketPolicy", bucket: "Bucket", name: bucket))
        let executionRole = CommonResources.role(
            "ExecutionRole", name: role, description: "SageMaker execution role of project \(team.id)/\(project.id)",
            trust: Trust.sageMaker, tags: context.projectTags(team, project))
        RolePolicies.add(
            executionRole, policy: ProjectPolicies.executionRole(team, project, context), to: &template,
            logicalId: "ExecutionRolePolicy",
            name: names.executionRolePolicy(team.id, project.id),
            description: "Execution role of \(team.id)/\(project.id): its bucket, logs, images, jobs and models only",
            context: context)
        addMemberAccess(team, project, to: &template, context)
        if let ecr = context.config.modules.ecr {
            for repo in ecr.projectRepos {
                template.add(
                    RepositoryResources.repository(
                        AWSNames.logicalId(repo, "repository"),
                        name: names.projectRepository(team.id, project.id, repo),
                        keepImages: ecr.keepImages, tags: context.projectTags(team, project)))
            }
        }
        if context.config.modules.modelRegistry {
            template.add(
                .init(
                    "ModelPackageGroup", "AWS::SageMaker::ModelPackageGroup", retain: true,
                    properties: [
                        YAMLEntry("ModelPackageGroupName", .string(names.modelPackageGroup(team.id, project.id))),
                        YAMLEntry(
                            "ModelPackageGroupDescription",
                            .string(
                                "Models of project \(team.id)/\(project.id); register as PendingManualApproval, deploy only Approved"
                            )),
                        YAMLEntry("Tags", context.projectTags(team, project)),
                    ]))
        }
        ManagedPolicies.add(
            ProjectPolicies.deployer(team, project, context), to: &template, logicalId: "DeployerPolicy",
            name: names.deployerPolicy(team.id, project.id),
            description:
                "For deploying the models of \(team.id)/\(project.id): its models, endpoint configurations and endpoints",
            attachment: nil, context: context)
        ManagedPolicies.add(
            ProjectPolicies.invoker(team, project, context), to: &template, logicalId: "InvokerPolicy",
            name: names.invokerPolicy(team.id, project.id),
            description: "For applications calling the endpoints of \(team.id)/\(project.id)",
            attachment: nil, context: context)
        template.output("BucketName", "The project's data bucket", Fn.ref("Bucket"))
        template.output(
            "ExecutionRoleArn", "The project's SageMaker execution role", Fn.getAtt("ExecutionRole", "Arn"),
            export: context.executionRoleArnExport(team, project))
        return template
    }

    /// The members' policy, and how they get it: through the project's group, or (on a
    /// platform with more projects than an account's groups allow, `GroupPlan`) attached to
    /// each of them. People over IAM's limits reach the project through their personal access
    /// groups instead (`AccessStack`).
    private static func addMemberAccess(
        _ team: Team, _ project: Project, to template: inout CloudFormationTemplate, _ context: PlatformContext
    ) {
        let names = context.names
        let members = project.members.filter { !context.groups.overflowing.contains($0) }.sorted()
        let attachment: ManagedPolicies.Attachment?
        if context.groups.membersAttachedDirectly {
            attachment = members.isEmpty ? nil : .users(members)
        } else {
            template.add(
                .init(
                    "MemberGroup", "AWS::IAM::Group",
                    properties: [
                        YAMLEntry("GroupName", .string(names.projectGroup(team.id, project.id)))
                    ]))
            attachment = .group("MemberGroup")
        }
        ManagedPolicies.add(
            ProjectPolicies.member(team, project, context), to: &template, logicalId: "MemberPolicy",
            name: names.projectMemberPolicy(team.id, project.id),
            description: "Members of \(team.id)/\(project.id): its bucket, jobs, models and endpoints only",
            attachment: attachment, context: context)
        if !context.groups.membersAttachedDirectly && !members.isEmpty {
            template.add(
                .init(
                    "Members", "AWS::IAM::UserToGroupAddition",
                    properties: [
                        YAMLEntry("GroupName", Fn.ref("MemberGroup")),
                        YAMLEntry("Users", .strings(members)),
                    ]))
        }
    }
}
