/// The AWS-provided images smgen's jobs use.
enum AWSImages {
    /// The SageMaker scikit-learn container (framework 1.2-1, CPU, Python 3), for the pipeline
    /// steps that have no repository of the project's own. Source: the registries of
    /// `sagemaker-scikit-learn` version `1.2-1` in the SageMaker Python SDK,
    /// `src/sagemaker/image_uri_config/sklearn.json` (aws/sagemaker-python-sdk).
    static let scikitLearn = RegionalImage(
        repository: "sagemaker-scikit-learn", tag: "1.2-1-cpu-py3",
        registries: [
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
        ])

    /// The Model Monitor analyzer, which runs the data-quality jobs. Source: the registries of
    /// `sagemaker-model-monitor-analyzer` in the SageMaker Python SDK,
    /// `src/sagemaker/image_uri_config/model-monitor.json` (aws/sagemaker-python-sdk).
    static let modelMonitor = RegionalImage(
        repository: "sagemaker-model-monitor-analyzer", tag: "latest",
        registries: [
            "ap-east-1": "001633400207", "ap-northeast-1": "574779866223", "ap-northeast-2": "709848358524",
            "ap-south-1": "126357580389", "ap-southeast-1": "245545462676", "ap-southeast-2": "563025443158",
            "ca-central-1": "536280801234", "cn-north-1": "453000072557", "cn-northwest-1": "453252182341",
            "eu-central-1": "048819808253", "eu-north-1": "895015795356", "eu-west-1": "468650794304",
            "eu-west-2": "749857270468", "eu-west-3": "680080141114", "me-south-1": "607024016150",
            "sa-east-1": "539772159869", "us-east-1": "156813124566", "us-east-2": "777275614652",
            "us-west-1": "890145073186", "us-west-2": "159807026194",
        ])
}
