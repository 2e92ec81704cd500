import SMGenYAML

/// The platform-wide network stack: the five security groups of the platform page with
/// exactly its rules, and the VPC endpoints when `vpc.endpoints` is true.
enum NetworkStack {
    /// Interface endpoints Studio and the jobs need when the VPC has no internet path.
    static let interfaceEndpoints: [(id: String, service: String)] = [
        ("sagemaker-api", "com.amazonaws.${AWS::Region}.sagemaker.api"),
        ("sagemaker-runtime", "com.amazonaws.${AWS::Region}.sagemaker.runtime"),
        ("studio", "aws.sagemaker.${AWS::Region}.studio"),
        ("sts", "com.amazonaws.${AWS::Region}.sts"),
        ("logs", "com.amazonaws.${AWS::Region}.logs"),
        ("ecr-api", "com.amazonaws.${AWS::Region}.ecr.api"),
        ("ecr-dkr", "com.amazonaws.${AWS::Region}.ecr.dkr"),
    ]

    static func build(_ context: PlatformContext) -> CloudFormationTemplate {
        let vpc = context.environment.vpc
        var template = CloudFormationTemplate(
            description:
                "smgen: security groups\(vpc.endpoints ? " and VPC endpoints" : "") of the SageMaker platform in \(vpc.id)"
        )
        let https = rule(protocol: "tcp", port: 443)
        let anywhere = YAMLEntry("CidrIp", "0.0.0.0/0")
        let fromVpc = YAMLEntry("CidrIp", .string(vpc.cidr))

        func group(_ purpose: String, _ description: String, ingress: [YAMLValue], egress: [YAMLValue]) {
            let logicalId = AWSNames.logicalId(purpose, "security-group")
            template.add(
                .init(
                    logicalId, "AWS::EC2::SecurityGroup",
                    properties: [
                        YAMLEntry("GroupName", .string(context.names.securityGroup(purpose))),
                        YAMLEntry("GroupDescription", .string(description)),
                        YAMLEntry("VpcId", .string(vpc.id)),
                    ] + (ingress.isEmpty ? [] : [YAMLEntry("SecurityGroupIngress", .list(ingress))]) + [
                        YAMLEntry("SecurityGroupEgress", .list(egress)),
                        YAMLEntry("Tags", context.tags([("Name", context.names.securityGroup(purpose))])),
                    ]))
            template.output(
                AWSNames.logicalId(purpose, "security-group-id"), "Id of the \(purpose) security group",
                Fn.ref(logicalId),
                export: context.securityGroupExport(purpose))
        }
        /// All traffic from (or to) the group itself, as separate resources (inline self-references are circular).
        func selfRules(_ purpose: String, ingress: Bool, egress: Bool) {
            let group = AWSNames.logicalId(purpose, "security-group")
            let rules = [
                (ingress, "ingress", "AWS::EC2::SecurityGroupIngress", "SourceSecurityGroupId"),
                (egress, "egress", "AWS::EC2::SecurityGroupEgress", "DestinationSecurityGroupId"),
            ]
            for (enabled, direction, type, peer) in rules where enabled {
                template.add(
                    .init(
                        AWSNames.logicalId(purpose, "self", direction), type,
                        properties: [
                            YAMLEntry("GroupId", Fn.getAtt(group, "GroupId")),
                            YAMLEntry("IpProtocol", "-1"),
                            YAMLEntry(peer, Fn.getAtt(group, "GroupId")),
                            YAMLEntry(
                                "Description",
                                .string(
                                    direction == "ingress"
                                        ? "All traffic from members of this group"
                                        : "All traffic to members of this group")),
                        ]))
            }
        }

        group("studio", "SageMaker Studio apps", ingress: [], egress: [https.with([anywhere], "HTTPS to AWS APIs")])
        selfRules("studio", ingress: true, egress: true)
        for (purpose, what) in [
            ("training", "SageMaker training jobs (distributed training)"),
            ("processing", "SageMaker processing jobs (Spark clusters)"),
        ] {
            group(
                purpose, what, ingress: [https.with([fromVpc], "HTTPS from the VPC")],
                egress: [https.with([anywhere], "HTTPS to AWS APIs")])
            selfRules(purpose, ingress: true, egress: true)
        }
        group(
            "inference", "SageMaker endpoints",
            ingress: [
                https.with([fromVpc], "HTTPS from the VPC"),
                rule(protocol: "tcp", port: 8080).with([fromVpc], "Model container port from the VPC"),
            ], egress: [https.with([anywhere], "HTTPS to AWS APIs")])
        group(
            "vpc-endpoints", "Interface VPC endpoints of the SageMaker platform",
            ingress: [https.with([fromVpc], "HTTPS from the VPC")],
            egress: [
                // An egress rule to localhost replaces the default allow-all rule: endpoints need no outbound traffic.
                rule(protocol: "-1", port: nil).with([YAMLEntry("CidrIp", "127.0.0.1/32")], "No outbound traffic")
            ])
        if vpc.endpoints { addEndpoints(&template, context) }
        return template
    }

    private static func addEndpoints(_ template: inout CloudFormationTemplate, _ context: PlatformContext) {
        let vpc = context.environment.vpc
        template.add(
            .init(
                "S3GatewayEndpoint", "AWS::EC2::VPCEndpoint",
                properties: [
                    YAMLEntry("VpcId", .string(vpc.id)),
                    YAMLEntry("VpcEndpointType", "Gateway"),
                    YAMLEntry("ServiceName", Fn.sub("com.amazonaws.${AWS::Region}.s3")),
                    YAMLEntry("RouteTableIds", .strings(vpc.routeTables)),
                    YAMLEntry("Tags", context.tags([("Name", "\(context.names.prefix)-s3")])),
                ]))
        for endpoint in interfaceEndpoints {
            template.add(
                .init(
                    AWSNames.logicalId(endpoint.id, "endpoint"), "AWS::EC2::VPCEndpoint",
                    properties: [
                        YAMLEntry("VpcId", .string(vpc.id)),
                        YAMLEntry("VpcEndpointType", "Interface"),
                        YAMLEntry("ServiceName", Fn.sub(endpoint.service)),
                        YAMLEntry("PrivateDnsEnabled", true),
                        YAMLEntry("SubnetIds", .strings(vpc.subnets)),
                        YAMLEntry("SecurityGroupIds", [Fn.getAtt("VpcEndpointsSecurityGroup", "GroupId")]),
                        YAMLEntry("Tags", context.tags([("Name", "\(context.names.prefix)-\(endpoint.id)")])),
                    ]))
        }
    }

    /// A security-group rule without its peer yet.
    private struct Rule {
        let entries: [YAMLEntry]
        func with(_ peer: [YAMLEntry], _ description: String) -> YAMLValue {
            .map(entries + peer + [YAMLEntry("Description", .string(description))])
        }
    }

    private static func rule(protocol name: String, port: Int?) -> Rule {
        var entries = [YAMLEntry("IpProtocol", .string(name))]
        if let port { entries += [YAMLEntry("FromPort", .int(port)), YAMLEntry("ToPort", .int(port))] }
        return Rule(entries: entries)
    }
}
