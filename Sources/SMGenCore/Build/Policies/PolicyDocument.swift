import SMGenYAML

/// An IAM policy document (version 2012-10-17).
public struct PolicyDocument: Sendable {
    public var statements: [PolicyStatement]

    public init(_ statements: [PolicyStatement]) {
        self.statements = statements
    }

    /// The document as CloudFormation writes it (with `!Sub` and `!ImportValue`).
    public var value: YAMLValue { Self.value(of: statements.map(\.value)) }

    /// A document around statements already turned into values (or resolved).
    static func value(of statements: [YAMLValue]) -> YAMLValue {
        .map(["Version": "2012-10-17", "Statement": .list(statements)])
    }
}
