import SMGenYAML

/// Whether CloudFormation can apply a change in place.
public enum Replacement: String, Sendable {
    case none
    /// A `conditionalCreateOnlyProperties` property changed: CloudFormation may replace it.
    case conditional = "may replace"
    /// A `createOnlyProperties` property (or the type) changed: a new resource replaces the old.
    case always = "replace"
}
