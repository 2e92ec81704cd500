/// A container image in the environment's own ECR registry (its account, its region), as the
/// deploy script looks for it before deploying the models that run it: the registry's
/// account, the repository, and the image as `describe-images` names it (`imageTag=TAG`, or
/// `imageDigest=sha256:...`).
struct ECRImage: Equatable {
    let registry: String
    let repository: String
    let reference: String

    /// The parts of `uri` when it names an image in `environment`'s registry
    /// (`ACCOUNT.dkr.ecr.REGION.amazonaws.com[.cn]/REPOSITORY[:TAG|@DIGEST]`); nil for an image
    /// anywhere else. An image without a tag or digest is `latest`, as Docker reads it.
    init?(_ uri: String, in environment: Environment) {
        let host = "\(environment.account).dkr.ecr.\(environment.region).amazonaws.com"
        let path: Substring
        if uri.hasPrefix(host + "/") {
            path = uri.dropFirst(host.count + 1)
        } else if uri.hasPrefix(host + ".cn/") {
            path = uri.dropFirst(host.count + 4)
        } else {
            return nil
        }
        registry = environment.account
        if let at = path.firstIndex(of: "@") {
            repository = String(path[..<at])
            reference = "imageDigest=\(path[path.index(after: at)...])"
        } else if let colon = path.lastIndex(of: ":") {
            repository = String(path[..<colon])
            reference = "imageTag=\(path[path.index(after: colon)...])"
        } else {
            repository = String(path)
            reference = "imageTag=latest"
        }
        guard !repository.isEmpty else { return nil }
    }
}
