import SMGenYAML

/// Collects diagnostics for one file while it is read and checked: the first `limit` errors
/// and the first `limit` warnings, and how many more there were (a file of a million
/// unknown keys costs neither the memory of a million messages nor the time to word them,
/// and no number of warnings crowds out an error).
struct DiagnosticSink {
    /// The most diagnostics of one severity kept.
    static let limit = 1_000

    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// The diagnostics beyond `limit`, counted only.
    private(set) var omitted = 0
    /// How many of each severity are kept.
    private var errors = 0
    private var warnings = 0

    init(file: String) {
        self.file = file
    }

    var hasErrors: Bool { errors > 0 }

    mutating func error(_ mark: Mark, _ message: @autoclosure () -> String) {
        add(.error, mark, message)
    }

    mutating func warning(_ mark: Mark, _ message: @autoclosure () -> String) {
        add(.warning, mark, message)
    }

    private mutating func add(_ severity: Diagnostic.Severity, _ mark: Mark, _ message: () -> String) {
        if take(severity) { diagnostics.append(Diagnostic(severity, file: file, mark: mark, message: message())) }
    }

    /// Counts one diagnostic of `severity`: true when there is room to keep it.
    private mutating func take(_ severity: Diagnostic.Severity) -> Bool {
        let kept = severity == .error ? errors : warnings
        guard kept < Self.limit else {
            omitted += 1
            return false
        }
        if severity == .error { errors += 1 } else { warnings += 1 }
        return true
    }

    /// Adds `other`'s diagnostics after these.
    mutating func append(_ other: DiagnosticSink) {
        for diagnostic in other.diagnostics where take(diagnostic.severity) { diagnostics.append(diagnostic) }
        omitted += other.omitted
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
