import SMGenYAML

/// A policy document as built, to be written to `policies/<file>`.
struct PolicyFile: Sendable {
    let file: String
    /// The document as its stack deploys it (with `!Sub` and `!ImportValue`); the file shows
    /// it with the environment's values filled in (`PolicyResolver`).
    let document: YAMLValue
}
