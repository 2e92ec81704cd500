import SMGenYAML

extension CloudFormationTemplate.Resource {
    /// The value of the property `key`, if it has one.
    func property(_ key: String) -> YAMLValue? {
        YAMLValue.map(properties)[key]
    }
}
