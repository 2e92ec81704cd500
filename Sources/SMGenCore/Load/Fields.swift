import SMGenYAML

/// The keys of one mapping node, looked up by name, after unknown keys were reported.
struct Fields {
    let node: YAMLNode
    let path: String
    private let values: [String: YAMLNode]
    private let keyMarks: [String: Mark]

    init(node: YAMLNode, path: String, pairs: [YAMLPair]) {
        self.node = node
        self.path = path
        var values: [String: YAMLNode] = [:]
        var keyMarks: [String: Mark] = [:]
        for pair in pairs {
            guard let key = pair.key.scalar else { continue }
            values[key] = pair.value
            keyMarks[key] = pair.key.mark
        }
        self.values = values
        self.keyMarks = keyMarks
    }

    subscript(key: String) -> YAMLNode? { values[key] }

    func keyMark(_ key: String) -> Mark? { keyMarks[key] }

    /// The dotted path of a child key, for messages.
    func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}
