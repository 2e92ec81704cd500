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

    public init(region: String, account: String) {
        partition = Regions.partition(of: region)
        self.region = region
        self.account = account
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
    /// `!ImportValue`, the only ones policies use), as `JSONWriter` asks for it while it writes
    /// a policy; nil only when lenient and it cannot be resolved.
    public func text(_ tag: String, _ inner: YAMLValue) -> String? {
        switch (tag, inner) {
        case ("!Sub", .string(let text)): return substitute(text, variables: [:])
        case ("!Sub", .list(let parts)):
            guard case .string(let text)? = parts.first, case .map(let entries)? = parts.last else { preconditionFailure("malformed !Sub") }
            var variables: [String: String] = [:]
            for entry in entries { variables[entry.key] = scalar(resolve(entry.value)) }
            if lenient && variables.count < entries.count { return nil }
            return substitute(text, variables: variables)
        case ("!ImportValue", .string(let name)): return Self.importMarker(name)
        default:
            precondition(lenient, "policies use !Sub and !ImportValue only, found \(tag)")
            return nil
        }
    }

    /// `text` as `JSONWriter` takes it, writing a policy: in a policy every tag resolves.
    public var tagText: JSONWriter.TagText {
        { tag, inner in
            guard let text = text(tag, inner) else { preconditionFailure("unresolved \(tag) in a policy") }
            return text
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
    private func substitute(_ text: String, variables: [String: String]) -> String {
        if !text.utf8.contains(UInt8(ascii: "$")) { return text }
        var text = text
        var out: [UInt8] = []
        text.withUTF8 { bytes in
            out.reserveCapacity(bytes.count + 32)
            var index = 0
            while index < bytes.count {
                guard let dollar = bytes[index...].firstIndex(of: UInt8(ascii: "$")) else {
                    out.append(contentsOf: bytes[index...])
                    break
                }
                out.append(contentsOf: bytes[index..<dollar])
                index = dollar
                guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{"),
                      let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: "}"))
                else {
                    out.append(bytes[index])
                    index += 1
                    continue
                }
                let name = bytes[(index + 2)..<close]
                if name.first == UInt8(ascii: "!") {
                    out += "${".utf8
                    out.append(contentsOf: name.dropFirst())
                    out.append(UInt8(ascii: "}"))
                } else if let value = pseudoParameter(name) ?? variables[String(decoding: name, as: UTF8.self)] {
                    out += value.utf8
                } else {
                    precondition(lenient, "unresolved ${\(String(decoding: name, as: UTF8.self))} in a policy")
                    out.append(contentsOf: bytes[index...close])
                }
                index = close + 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The value of the pseudo parameter `AWS::...` named by `name`'s bytes, if it is one.
    private func pseudoParameter(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        switch String(decoding: name, as: UTF8.self) {
        case "AWS::Partition": partition
        case "AWS::Region": region
        case "AWS::AccountId": account
        case "AWS::URLSuffix": partition == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com"
        default: nil
        }
    }
}
