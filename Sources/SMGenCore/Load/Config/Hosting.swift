import SMGenYAML

/// How an endpoint is hosted: on instances (optionally autoscaled) or serverless.
public enum Hosting: Sendable, Equatable {
    case instances(type: String, autoscaling: Autoscaling?)
    case serverless(memoryMB: Int, maxConcurrency: Int)
}
