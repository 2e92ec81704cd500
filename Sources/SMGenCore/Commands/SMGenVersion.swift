/// The version printed by `smgen --version` and recorded in manifests.
public enum SMGenVersion {
    public static let current = "0.1.0"
}
