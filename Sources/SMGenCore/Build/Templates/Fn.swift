import SMGenYAML

/// Short-form intrinsic functions.
public enum Fn {
    public static func ref(_ name: String) -> YAMLValue { .tagged("!Ref", .string(name)) }
    public static func getAtt(_ resource: String, _ attribute: String) -> YAMLValue {
        .tagged("!GetAtt", .string("\(resource).\(attribute)"))
    }
    public static func importValue(_ exportName: String) -> YAMLValue { .tagged("!ImportValue", .string(exportName)) }

    /// `!Sub` of a text with `${AWS::...}` pseudo parameters; IAM policy variables such as
    /// `${aws:username}` must already be written `${!aws:username}`.
    public static func sub(_ text: String) -> YAMLValue { .tagged("!Sub", .string(text)) }

    /// `!Sub [text, {Name: value}]`, for texts that need values from other stacks.
    public static func sub(_ text: String, _ variables: [YAMLEntry]) -> YAMLValue {
        .tagged("!Sub", .list([.string(text), .map(variables)]))
    }
}
