/// Tags smgen sets itself on the resources it generates; the config may not redefine them.
enum Tagging {
    static let reservedKeys: Set<String> = ["Team", "Project", "Owner", "Model", "Environment", "Version", "ManagedBy"]
}
