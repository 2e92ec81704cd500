import Foundation
import Testing

/// Golden-file comparison. Set `SMGEN_RECORD=1` to re-record: the expected file is
/// rewritten and the test fails with "Recorded new baseline", so a re-record is never silent.
enum Golden {
    static var recording: Bool { ProcessInfo.processInfo.environment["SMGEN_RECORD"] == "1" }

    static func compare(_ actual: String, to expectedURL: URL, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        if recording {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            Issue.record("Recorded new baseline: \(expectedURL.path)", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: expectedURL, encoding: .utf8) else {
            Issue.record(
                "missing golden file \(expectedURL.path); run with SMGEN_RECORD=1 to create it",
                sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            Issue.record(
                "\(expectedURL.lastPathComponent) differs (run with SMGEN_RECORD=1 to re-record):\n\(diff(expected, actual))",
                sourceLocation: sourceLocation)
        }
    }

    /// A unified diff of two texts through `diff -u`.
    static func diff(_ expected: String, _ actual: String) -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("smgen-diff-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let left = directory.appendingPathComponent("expected")
        let right = directory.appendingPathComponent("actual")
        try? expected.write(to: left, atomically: true, encoding: .utf8)
        try? actual.write(to: right, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["diff", "-u", left.path, right.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try? process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
