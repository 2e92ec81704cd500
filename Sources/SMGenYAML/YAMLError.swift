/// A problem found while reading YAML, at the position it concerns.
public struct YAMLError: Error, Sendable, Equatable {
    public let mark: Mark
    public let message: String

    public init(mark: Mark, message: String) {
        self.mark = mark
        self.message = message
    }
}
