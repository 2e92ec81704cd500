import SMGenYAML

/// A project's MLOps loop (module `mlops`): its SageMaker pipeline, run by the project's
/// execution role, defined by `PipelineDefinition`.
enum MLOpsStack {
    static func build(_ team: Team, _ project: Project, _ context: PlatformContext) -> CloudFormationTemplate {
        let names = context.names
        var template = CloudFormationTemplate(description: "smgen: MLOps loop of \(team.id)/\(project.id) (pipeline)")
        let definition = JSONWriter.write(PipelineDefinition.build(team, project, context))
        template.add(.init("Pipeline", "AWS::SageMaker::Pipeline", properties: [
            YAMLEntry("PipelineName", .string(names.pipeline(team.id, project.id))),
            YAMLEntry("PipelineDescription", .string("Preprocess, train, evaluate, and register \(team.id)/\(project.id)'s model when accurate enough")),
            YAMLEntry("RoleArn", Fn.importValue(context.executionRoleArnExport(team, project))),
            YAMLEntry("PipelineDefinition", .map([
                "PipelineDefinitionBody": Fn.sub(definition, [
                    YAMLEntry("ExecutionRoleArn", Fn.importValue(context.executionRoleArnExport(team, project))),
                    YAMLEntry("ProcessingSecurityGroupId", Fn.importValue(context.securityGroupExport("processing"))),
                    YAMLEntry("TrainingSecurityGroupId", Fn.importValue(context.securityGroupExport("training"))),
                ]),
            ])),
            YAMLEntry("Tags", context.projectTags(team, project)),
        ]))
        return template
    }
}
