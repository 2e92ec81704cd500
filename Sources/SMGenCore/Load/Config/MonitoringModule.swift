import SMGenYAML

/// Log retention and alarm notification.
public struct MonitoringModule: Sendable {
    public var processingRetentionDays: Int
    public var trainingRetentionDays: Int
    public var endpointsRetentionDays: Int
    public var alarmEmail: String
}
