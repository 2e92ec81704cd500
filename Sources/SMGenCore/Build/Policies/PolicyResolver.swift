import SMGenYAML

/// Turns a policy written for CloudFormation into the standalone JSON document reviewers
/// read: pseudo parameters filled in for the environment, `${!x}` unescaped to `${x}`, and
/// values imported from other stacks (ids CloudFormation creates, such as security-group
/// ids) shown as `{{import:EXPORT-NAME}}`.
public struct PolicyResolver: Sendable {
    public let partition: String
    public let region: String
    public let account: String
    /// Leaves what it cannot resolve as it is (other intrinsic functions, unknown `${x}`)
    /// instead of stopping: for showing whole templates to people.
    public var lenient = false

    public init(environment: Environment) {
        self.init(region: environment.region, account: environment.account)
    }

    /// The pseudo parameters' values in UTF-8, as `!Sub` texts are written.
    private let pseudoValues: (partition: [UInt8], region: [UInt8], account: [UInt8], urlSuffix: [UInt8])

    public init(region: String, account: String) {
        partition = Regions.partition(of: region)
        self.region = region
        self.account = account
        pseudoValues = (
            Array(partition.utf8), Array(region.utf8), Array(account.utf8), Array(Regions.urlSuffix(of: region).utf8)
        )
    }

    public func resolve(_ value: YAMLValue) -> YAMLValue {
        switch value {
        case .map(let entries): return .map(entries.map { YAMLEntry($0.key, resolve($0.value)) })
        case .list(let items): return .list(items.map(resolve))
        case .tagged(let tag, let inner):
            if let text = text(tag, inner) { return .string(text) }
            return .tagged(tag, resolve(inner))
        default: return value
        }
    }

    /// The text that the intrinsic function `tag` of `inner` stands for (`!Sub` and
    /// `!ImportValue`, the only ones policies use); nil only when lenient and it cannot be resolved.
    public func text(_ tag: String, _ inner: YAMLValue) -> String? {
        var out: [UInt8] = []
        guard text(tag, inner, { out.append(contentsOf: $0) }) else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// `text(tag, inner)` handed to `emit` in UTF-8 pieces, without building it; false (and
    /// nothing emitted) only when lenient and it cannot be resolved.
    private func text(_ tag: String, _ inner: YAMLValue, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        switch (tag, inner) {
        case ("!Sub", .string(let text)):
            substitute(text, variables: [:], emit)
            return true
        case ("!Sub", .list(let parts)):
            guard case .string(let text)? = parts.first, case .map(let entries)? = parts.last else {
                preconditionFailure("malformed !Sub")
            }
            var variables: [String: String] = [:]
            for entry in entries { variables[entry.key] = scalar(resolve(entry.value)) }
            if lenient && variables.count < entries.count { return false }
            substitute(text, variables: variables, emit)
            return true
        case ("!ImportValue", .string(let name)):
            Self.importMarker(name).withUTF8Bytes(emit)
            return true
        default:
            precondition(lenient, "policies use !Sub and !ImportValue only, found \(tag)")
            return false
        }
    }

    /// `text` as `JSONWriter` takes it, writing or sizing a policy: in a policy every tag resolves.
    public var tagText: JSONWriter.TagText {
        { tag, inner, emit in
            guard text(tag, inner, emit) else { preconditionFailure("unresolved \(tag) in a policy") }
        }
    }

    /// How a value imported from another stack appears in a standalone policy.
    public static func importMarker(_ exportName: String) -> String { "{{import:\(exportName)}}" }

    private func scalar(_ value: YAMLValue) -> String? {
        guard case .string(let text) = value else {
            precondition(lenient, "!Sub variables resolve to strings")
            return nil
        }
        return text
    }

    /// Replaces `${AWS::...}` and `${Name}` references; `${!x}` becomes the literal `${x}`.
    private func substitute(_ text: String, variables: [String: String], _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        text.withUTF8Bytes { bytes in
            var index = 0
            while index < bytes.count {
                guard let dollar = bytes[index...].firstIndex(of: UInt8(ascii: "$")) else {
                    emit(UnsafeBufferPointer(rebasing: bytes[index...]))
                    break
                }
                guard dollar + 1 < bytes.count, bytes[dollar + 1] == UInt8(ascii: "{"),
                    let close = bytes[(dollar + 2)...].firstIndex(of: UInt8(ascii: "}"))
                else {
                    emit(UnsafeBufferPointer(rebasing: bytes[index...dollar]))
                    index = dollar + 1
                    continue
                }
                emit(UnsafeBufferPointer(rebasing: bytes[index..<dollar]))
                let name = UnsafeBufferPointer(rebasing: bytes[(dollar + 2)..<close])
                if name.first == UInt8(ascii: "!") {
                    // `${!x}`: the text `${x}` (its `${` and `}` emitted from the original around the name).
                    emit(UnsafeBufferPointer(rebasing: bytes[dollar...(dollar + 1)]))
                    emit(UnsafeBufferPointer(rebasing: name.dropFirst()))
                    emit(UnsafeBufferPointer(rebasing: bytes[close...close]))
                } else if !emitPseudoParameter(name, emit) {
                    if !variables.isEmpty, let value = variables[String(decoding: name, as: UTF8.self)] {
                        value.withUTF8Bytes(emit)
                    } else {
                        precondition(lenient, "unresolved ${\(String(decoding: name, as: UTF8.self))} in a policy")
                        emit(UnsafeBufferPointer(rebasing: bytes[dollar...close]))
                    }
                }
                index = close + 1
            }
        }
    }

    /// Emits the value of the pseudo parameter `AWS::...` named by `name`'s bytes, if it is
    /// one (the stored bytes lent to `emit`, not copied); false when it is not.
    private func emitPseudoParameter(_ name: UnsafeBufferPointer<UInt8>, _ emit: (UnsafeBufferPointer<UInt8>) -> Void)
        -> Bool
    {
        if Self.matches(name, "AWS::Region") {
            pseudoValues.region.withUnsafeBufferPointer(emit)
        } else if Self.matches(name, "AWS::Partition") {
            pseudoValues.partition.withUnsafeBufferPointer(emit)
        } else if Self.matches(name, "AWS::AccountId") {
            pseudoValues.account.withUnsafeBufferPointer(emit)
        } else if Self.matches(name, "AWS::URLSuffix") {
            pseudoValues.urlSuffix.withUnsafeBufferPointer(emit)
        } else {
            return false
        }
        return true
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard bytes.count == literal.utf8CodeUnitCount else { return false }
        let start = literal.utf8Start
        for index in 0..<bytes.count where bytes[index] != start[index] { return false }
        return true
    }
}
