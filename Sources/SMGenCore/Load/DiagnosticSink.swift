import SMGenYAML

/// Collects diagnostics for one file while it is read and checked.
struct DiagnosticSink {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    mutating func error(_ mark: Mark, _ message: String) {
        diagnostics.append(Diagnostic(.error, file: file, mark: mark, message: message))
    }

    mutating func warning(_ mark: Mark, _ message: String) {
        diagnostics.append(Diagnostic(.warning, file: file, mark: mark, message: message))
    }

    /// Adds `other`'s diagnostics after these.
    mutating func append(_ other: DiagnosticSink) {
        diagnostics += other.diagnostics
    }

    /// The diagnostics sorted by position (stable for equal positions), without repeats.
    var sorted: [Diagnostic] {
        var seen = Set<String>()
        return diagnostics.enumerated()
            .sorted { ($0.element.mark, $0.offset) < ($1.element.mark, $1.offset) }
            .map(\.element)
            .filter { seen.insert($0.description).inserted }
    }
}
