/// A value to be written out as YAML or JSON: templates, policies, manifests and schemas
/// are built as these trees and serialised by one emitter, never by string concatenation.
public enum YAMLValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case list([YAMLValue])
    case map([YAMLEntry])
    /// A local tag on a value, e.g. `.tagged("!Ref", .string("Bucket"))` for `!Ref Bucket` (YAML only).
    indirect case tagged(String, YAMLValue)
}

extension YAMLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: YAMLValue...) { self = .list(elements) }
}

extension YAMLValue {
    /// A map from ordered key/value pairs.
    public static func map(_ pairs: KeyValuePairs<String, YAMLValue>) -> YAMLValue {
        .map(pairs.map { YAMLEntry($0.key, $0.value) })
    }

    /// A list of strings.
    public static func strings(_ values: [String]) -> YAMLValue {
        .list(values.map { .string($0) })
    }
}
