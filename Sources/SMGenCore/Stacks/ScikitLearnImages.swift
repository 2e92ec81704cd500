/// The AWS-provided SageMaker scikit-learn container (framework 1.2-1, CPU, Python 3), used
/// by a project's pipeline for the steps that have no repository of the project's own.
///
/// Source: the registries of `sagemaker-scikit-learn` version `1.2-1` in the SageMaker Python
/// SDK, `src/sagemaker/image_uri_config/sklearn.json` (aws/sagemaker-python-sdk).
enum ScikitLearnImages {
    static let repository = "sagemaker-scikit-learn"
    static let tag = "1.2-1-cpu-py3"

    /// The account hosting the image in each region.
    static let registries: [String: String] = [
        "af-south-1": "510948584623", "ap-east-1": "651117190479", "ap-northeast-1": "354813040037",
        "ap-northeast-2": "366743142698", "ap-northeast-3": "867004704886", "ap-south-1": "720646828776",
        "ap-south-2": "628508329040", "ap-southeast-1": "121021644041", "ap-southeast-2": "783357654285",
        "ap-southeast-3": "951798379941", "ap-southeast-4": "106583098589", "ca-central-1": "341280168497",
        "cn-north-1": "450853457545", "cn-northwest-1": "451049120500", "eu-central-1": "492215442770",
        "eu-central-2": "680994064768", "eu-north-1": "662702820516", "eu-south-1": "978288397137",
        "eu-south-2": "104374241257", "eu-west-1": "141502667606", "eu-west-2": "764974769150",
        "eu-west-3": "659782779980", "me-central-1": "272398656194", "me-south-1": "801668240914",
        "sa-east-1": "737474898029", "us-east-1": "683313688378", "us-east-2": "257758044811",
        "us-gov-east-1": "237065988967", "us-gov-west-1": "414596584902", "us-west-1": "746614075791",
        "us-west-2": "246618743249",
    ]

    /// The image URI in `region`, or nil where the SDK lists none.
    static func image(region: String) -> String? {
        guard let account = registries[region] else { return nil }
        let suffix = Regions.partition(of: region) == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com"
        return "\(account).dkr.ecr.\(region).\(suffix)/\(repository):\(tag)"
    }
}
