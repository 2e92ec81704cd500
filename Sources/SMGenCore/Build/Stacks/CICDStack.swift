import SMGenYAML

/// The environment's connection to the git host the projects' code lives on (module `mlops`
/// with `source: git`). CloudFormation creates it pending: an admin completes the handshake
/// with the host once, in the console (see the README).
enum CICDStack {
    static func build(provider: String, _ context: PlatformContext) -> CloudFormationTemplate {
        var template = CloudFormationTemplate(
            description: "smgen: connection to \(provider) for the projects' delivery pipelines")
        template.add(
            .init(
                "GitConnection", "AWS::CodeStarConnections::Connection",
                properties: [
                    YAMLEntry("ConnectionName", .string(context.names.gitConnection)),
                    YAMLEntry("ProviderType", .string(provider)),
                    YAMLEntry("Tags", context.tags()),
                ]))
        template.output(
            "GitConnectionArn", "The connection the delivery pipelines pull code through", Fn.ref("GitConnection"),
            export: context.gitConnectionExport)
        return template
    }
}
