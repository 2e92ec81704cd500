import SMGenYAML

/// What every builder of one environment needs: the config, the environment, the names,
/// the tags, the policy resolver, and the export names of the values stacks share.
struct PlatformContext {
    let config: Config
    let environment: Environment
    let names: AWSNames
    private(set) var policyParts = PolicyPartsCache()
    let groups: GroupPlan
    /// Fills the environment's values into policies (to size them as IAM will count them).
    let resolver: PolicyResolver

    init(config: Config, environment: Environment) {
        self.config = config
        self.environment = environment
        self.resolver = PolicyResolver(environment: environment)
        self.names = AWSNames(config)
        self.groups = GroupPlan(config)
    }

    /// This context with a cache of its own for the policies it packs: for one part of the
    /// plan (a project's policies are packed for its stack and its policy files only), the
    /// cache going with it.
    func withOwnPolicyCache() -> PlatformContext {
        var context = self
        context.policyParts = PolicyPartsCache()
        return context
    }

    /// The security groups of the network stack, by purpose.
    static let securityGroupPurposes = ["studio", "training", "processing", "inference", "vpc-endpoints"]

    /// The export of a security group id, e.g. `acme-sm-network-TrainingSecurityGroupId`.
    func securityGroupExport(_ purpose: String) -> String {
        names.export(names.networkStack, AWSNames.logicalId(purpose, "security-group-id"))
    }

    var domainIdExport: String { names.export(names.domainStack, "DomainId") }

    var alarmTopicExport: String { names.export(names.monitoringStack, "AlarmTopicArn") }

    var gitConnectionExport: String { names.export(names.cicdStack, "GitConnectionArn") }

    func executionRoleArnExport(_ team: Team, _ project: Project) -> String {
        names.export(names.projectStack(team.id, project.id), "ExecutionRoleArn")
    }

    /// The given tags then (unless left out) the org's, as a CloudFormation `Tags` list. The
    /// given values (ids and user names) are written as tags can hold them (`Tagging.value`);
    /// the org's passed the config's check.
    func tags(_ extra: [(String, String)] = [], withOrgTags: Bool = true) -> YAMLValue {
        let all = extra.map { Tag(key: $0.0, value: Tagging.value($0.1)) } + (withOrgTags ? config.org.tags : [])
        return .list(all.map { .map(["Key": .string($0.key), "Value": .string($0.value)]) })
    }

    func teamTags(_ team: Team) -> YAMLValue { tags([("Team", team.id)]) }

    func projectTags(_ team: Team, _ project: Project) -> YAMLValue {
        tags([("Team", team.id), ("Project", project.id)])
    }

    /// The VPC's ARN, for `ec2:Vpc` conditions.
    var vpcArn: YAMLValue { ARN.ec2("vpc/\(environment.vpc.id)") }
}
