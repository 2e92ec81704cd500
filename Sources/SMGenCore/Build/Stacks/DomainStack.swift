import SMGenYAML

/// The SageMaker domain: IAM auth, VPC only, in the configured subnets with the studio
/// security group, JupyterLab idle shutdown, a default execution role with no permissions
/// (every profile runs with its project's role). Retained: home directories live on its EFS.
enum DomainStack {
    static func build(_ context: PlatformContext) -> CloudFormationTemplate {
        let domain = context.config.domain
        let vpc = context.environment.vpc
        var template = CloudFormationTemplate(description: "smgen: the SageMaker domain \(domain.name)")
        template.add(
            CommonResources.role(
                "DefaultExecutionRole", name: context.names.domainDefaultRole,
                description:
                    "Default execution role of the domain: no permissions; user profiles run with their project's role",
                trust: Trust.sageMaker, tags: context.tags()))
        let studioGroup: YAMLValue = [Fn.importValue(context.securityGroupExport("studio"))]
        let jupyterLab: YAMLValue = .map([
            "AppLifecycleManagement": .map([
                "IdleSettings": .map([
                    "LifecycleManagement": "ENABLED",
                    "IdleTimeoutInMinutes": .int(domain.idleTimeoutMinutes),
                ])
            ])
        ])
        template.add(
            .init(
                "Domain", "AWS::SageMaker::Domain", retain: true,
                properties: [
                    YAMLEntry("DomainName", .string(domain.name)),
                    YAMLEntry("AuthMode", "IAM"),
                    YAMLEntry("AppNetworkAccessType", "VpcOnly"),
                    YAMLEntry("VpcId", .string(vpc.id)),
                    YAMLEntry("SubnetIds", .strings(vpc.subnets)),
                    YAMLEntry(
                        "DefaultUserSettings",
                        .map([
                            "ExecutionRole": Fn.getAtt("DefaultExecutionRole", "Arn"),
                            "SecurityGroups": studioGroup,
                            "StudioWebPortal": "ENABLED",
                            "DefaultLandingUri": "studio::",
                            "JupyterLabAppSettings": jupyterLab,
                        ])),
                    YAMLEntry(
                        "DefaultSpaceSettings",
                        .map([
                            "ExecutionRole": Fn.getAtt("DefaultExecutionRole", "Arn"),
                            "SecurityGroups": studioGroup,
                            "JupyterLabAppSettings": jupyterLab,
                        ])),
                    YAMLEntry("Tags", context.tags()),
                ]))
        template.output(
            "DomainId", "Id of the SageMaker domain", Fn.getAtt("Domain", "DomainId"), export: context.domainIdExport)
        template.output("DomainArn", "ARN of the SageMaker domain", Fn.getAtt("Domain", "DomainArn"))
        return template
    }
}
