import SMGenYAML

/// Checks every name of a config's `NameCatalogue`: each against its AWS rule, and within its
/// namespace against the others (two ids that give the same name, or the same logical ID,
/// are an error, never a silent overwrite).
enum NameRules {
    /// S3's rules for a bucket name (general purpose buckets).
    static func isBucketName(_ name: String) -> Bool {
        name.withUTF8Bytes { isBucketName($0) }
    }

    static func isBucketName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let hasSuffix = { (suffix: String) in
            bytes.count >= suffix.utf8.count && bytes.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
        }
        guard (3...63).contains(bytes.count), let first = bytes.first, let last = bytes.last,
            Patterns.isLower(first) || Patterns.isDigit(first), Patterns.isLower(last) || Patterns.isDigit(last),
            bytes.allSatisfy({
                Patterns.isLower($0) || Patterns.isDigit($0) || $0 == Patterns.hyphen || $0 == UInt8(ascii: ".")
            }),
            !zip(bytes, bytes.dropFirst()).contains(where: {
                $0 == UInt8(ascii: ".") && ($1 == UInt8(ascii: ".") || $1 == Patterns.hyphen)
                    || $0 == Patterns.hyphen && $1 == UInt8(ascii: ".")
            }),
            !bytes.starts(with: "xn--".utf8), !bytes.starts(with: "sthree-".utf8), !hasSuffix("-s3alias"),
            !hasSuffix("--ol-s3")
        else { return false }
        // Not formatted as an IP address (which is digits and dots only).
        return !bytes.allSatisfy({ Patterns.isDigit($0) || $0 == UInt8(ascii: ".") })
            || Patterns.parseCIDR(String(decoding: bytes, as: UTF8.self) + "/32") == nil
    }

    /// Checks every name of the config's `NameCatalogue`, reporting into `sink`, after `first`
    /// (other checks of the config, whose diagnostics come before these). The catalogue's two
    /// halves are built and checked on two cores: their namespaces are disjoint, so each half
    /// sees its claims in the order one pass would, and reports the same errors. The
    /// platform's half is the larger: `first` runs on the people's core, before them.
    static func check(_ config: Config, sink: inout DiagnosticSink, after first: (inout DiagnosticSink) -> Void) {
        guard Patterns.isCompany(config.org.company) else {
            first(&sink)
            return
        }
        let names = AWSNames(config)
        let file = sink.file
        let (people, rest) = Parallel.pair(
            { () -> DiagnosticSink in
                var checker = Checker(
                    sink: DiagnosticSink(file: file), capacity: NameCatalogue.peopleCapacity(config))
                first(&checker.sink)
                for resource in NameCatalogue.people(config, names) { checker.check(resource) }
                return checker.sink
            },
            { () -> DiagnosticSink in
                var checker = Checker(
                    sink: DiagnosticSink(file: file), capacity: NameCatalogue.platformCapacity(config))
                for resource in NameCatalogue.platform(config, names) { checker.check(resource) }
                return checker.sink
            })
        sink.append(people)
        sink.append(rest)
    }

    /// Checks names one at a time, remembering each namespace's names (IAM compares
    /// names case-insensitively, so every namespace here does too).
    private struct Checker {
        /// A name taken in a namespace.
        private struct Claim: Hashable {
            let namespace: NameNamespace
            let name: String
        }

        var sink: DiagnosticSink
        private var seen: [Claim: Mark] = [:]

        init(sink: DiagnosticSink, capacity: Int) {
            self.sink = sink
            seen.reserveCapacity(capacity)
        }

        mutating func check(_ resource: NamedResource) {
            let (kind, name, mark) = (resource.kind, resource.name, resource.origin.mark)
            if resource.namespace == .pipelineJob {
                checkRoom(
                    resource, room: AWSNames.pipelineJobSuffixRoom, what: "pipeline job name prefix",
                    appendedBy: "SageMaker Pipelines")
                return
            }
            // A managed policy too large for one document is split into `name-2`...: leave room for the suffix.
            guard kind.accepts(kind == .iamPolicy ? name + "-9" : name) else {
                sink.error(
                    mark,
                    "computed \(kind.rawValue) '\(name)' (\(name.count) characters) breaks the AWS rule: \(kind.rule); change \(resource.origin.change)"
                )
                return
            }
            let key =
                name.utf8.allSatisfy({ $0 < 0x80 && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) })
                ? name : name.lowercased()
            let claim = Claim(namespace: resource.namespace, name: key)
            if let first = seen.updateValue(mark, forKey: claim) {
                seen[claim] = first
                sink.error(
                    mark,
                    "computed \(kind.rawValue) '\(name)' is also computed for the entry at line \(first.line), column \(first.column); change \(resource.origin.change)"
                )
            }
        }

        /// A SageMaker name prefix to which AWS appends `room` characters of its own.
        private mutating func checkRoom(_ resource: NamedResource, room: Int, what: String, appendedBy: String) {
            let length = resource.name.utf8.count
            if length + room > 63 {
                sink.error(
                    resource.origin.mark,
                    "computed \(what) '\(resource.name)' (\(length) characters) leaves fewer than \(room) of a SageMaker name's 63 characters for the suffix \(appendedBy) appends; change \(resource.origin.change)"
                )
            }
        }
    }
}
