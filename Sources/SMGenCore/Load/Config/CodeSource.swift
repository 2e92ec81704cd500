import SMGenYAML

/// The source stage of the projects' delivery pipelines.
public enum CodeSource: Sendable, Equatable {
    /// A zip the project uploads to its artifact bucket (`source/source.zip`).
    case s3
    /// A git host, through one CodeStar connection per environment (GitHub, Bitbucket...).
    case git(provider: String)

    /// The git hosts a CodeStar connection reaches.
    public static let providers = ["Bitbucket", "GitHub", "GitLab"]
}
