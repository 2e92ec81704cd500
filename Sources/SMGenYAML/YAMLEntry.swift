/// One key and its value in a `YAMLValue.map`; maps keep the order they are built in.
public struct YAMLEntry: Sendable, Equatable {
    public let key: String
    public let value: YAMLValue

    public init(_ key: String, _ value: YAMLValue) {
        self.key = key
        self.value = value
    }
}
