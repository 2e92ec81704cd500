import SMGenYAML

/// A CloudFormation template as a value. `yaml` writes its sections in the fixed order
/// AWSTemplateFormatVersion, Description, Metadata, Parameters, Mappings, Conditions,
/// Resources, Outputs; inside a resource: Type, DependsOn, DeletionPolicy,
/// UpdateReplacePolicy, Properties, Metadata.
public struct CloudFormationTemplate: Sendable {
    public var description: String
    public var resources: [Resource] = []
    public var outputs: [Output] = []

    public init(description: String) {
        self.description = description
    }

    /// One resource of the template.
    public struct Resource: Sendable {
        public var logicalId: String
        public var type: String
        public var dependsOn: [String] = []
        /// Data holders are kept when their stack is deleted or they are replaced
        /// (`DeletionPolicy: RetainExceptOnCreate`, `UpdateReplacePolicy: Retain`), except when
        /// the stack operation that created them rolls back: then nothing holds data yet, and a
        /// kept resource would stand, under its fixed name, in the way of the next attempt.
        public var retain = false
        public var properties: [YAMLEntry]
        public var metadata: YAMLValue?

        public init(
            _ logicalId: String, _ type: String, retain: Bool = false, dependsOn: [String] = [],
            properties: [YAMLEntry], metadata: YAMLValue? = nil
        ) {
            self.logicalId = logicalId
            self.type = type
            self.retain = retain
            self.dependsOn = dependsOn
            self.properties = properties
            self.metadata = metadata
        }
    }

    /// An output; `exportName` makes it importable by other stacks.
    public struct Output: Sendable {
        public var logicalId: String
        public var description: String
        public var value: YAMLValue
        public var exportName: String?
    }

    public mutating func add(_ resource: Resource) {
        resources.append(resource)
    }

    public mutating func output(_ logicalId: String, _ description: String, _ value: YAMLValue, export: String? = nil) {
        outputs.append(Output(logicalId: logicalId, description: description, value: value, exportName: export))
    }

    /// The template as a value tree, ready for `YAMLWriter`.
    public var value: YAMLValue {
        var top: [YAMLEntry] = [
            YAMLEntry("AWSTemplateFormatVersion", "2010-09-09"),
            YAMLEntry("Description", .string(description)),
        ]
        top.append(
            YAMLEntry(
                "Resources",
                .map(
                    resources.map { resource in
                        var entries = [YAMLEntry("Type", .string(resource.type))]
                        if !resource.dependsOn.isEmpty {
                            entries.append(
                                YAMLEntry(
                                    "DependsOn",
                                    resource.dependsOn.count == 1
                                        ? .string(resource.dependsOn[0]) : .strings(resource.dependsOn)))
                        }
                        if resource.retain {
                            entries.append(YAMLEntry("DeletionPolicy", "RetainExceptOnCreate"))
                            entries.append(YAMLEntry("UpdateReplacePolicy", "Retain"))
                        }
                        entries.append(YAMLEntry("Properties", .map(resource.properties)))
                        if let metadata = resource.metadata { entries.append(YAMLEntry("Metadata", metadata)) }
                        return YAMLEntry(resource.logicalId, .map(entries))
                    })))
        if !outputs.isEmpty {
            top.append(
                YAMLEntry(
                    "Outputs",
                    .map(
                        outputs.map { output in
                            var entries = [
                                YAMLEntry("Description", .string(output.description)), YAMLEntry("Value", output.value),
                            ]
                            if let name = output.exportName {
                                entries.append(YAMLEntry("Export", .map(["Name": .string(name)])))
                            }
                            return YAMLEntry(output.logicalId, .map(entries))
                        })))
        }
        return .map(top)
    }
}
