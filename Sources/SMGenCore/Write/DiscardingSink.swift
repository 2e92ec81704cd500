import Foundation

/// Takes every file and keeps none: `validate` renders to find what only a rendering tells
/// (a template's size), without writing or holding the output.
struct DiscardingSink: RenderedFileSink {
    func accept(_ path: String, _ bytes: [UInt8]) {}
    var keepsFiles: Bool { false }
}
