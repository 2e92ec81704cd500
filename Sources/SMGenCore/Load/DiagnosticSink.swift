import SMGenYAML

/// Collects diagnostics for one file while it is read and checked: the first `limit` of
/// them, and how many more there were (a file of a million unknown keys costs neither the
/// memory of a million messages nor the time to word them).
struct DiagnosticSink {
    /// The most diagnostics kept.
    static let limit = 1_000

    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// The diagnostics beyond `limit`, counted only.
    private(set) var omitted = 0

    init(file: String) {
        self.file = file
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    mutating func error(_ mark: Mark, _ message: @autoclosure () -> String) {
        add(.error, mark, message)
    }

    mutating func warning(_ mark: Mark, _ message: @autoclosure () -> String) {
        add(.warning, mark, message)
    }

    private mutating func add(_ severity: Diagnostic.Severity, _ mark: Mark, _ message: () -> String) {
        guard diagnostics.count < Self.limit else {
            omitted += 1
            return
        }
        diagnostics.append(Diagnostic(severity, file: file, mark: mark, message: message()))
    }

    /// Adds `other`'s diagnostics after these.
    mutating func append(_ other: DiagnosticSink) {
        let room = max(0, Self.limit - diagnostics.count)
        diagnostics += other.diagnostics.prefix(room)
        omitted += other.omitted + max(0, other.diagnostics.count - room)
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
