/// The AWS regions smgen accepts, with their partition. Source: the AWS general reference,
/// "Regions and Zones" (commercial, China and GovCloud partitions).
public enum Regions {
    public static let all: [String: String] = [
        "us-east-1": "aws", "us-east-2": "aws", "us-west-1": "aws", "us-west-2": "aws",
        "af-south-1": "aws", "ap-east-1": "aws", "ap-east-2": "aws", "ap-south-1": "aws", "ap-south-2": "aws",
        "ap-northeast-1": "aws", "ap-northeast-2": "aws", "ap-northeast-3": "aws",
        "ap-southeast-1": "aws", "ap-southeast-2": "aws", "ap-southeast-3": "aws", "ap-southeast-4": "aws",
        "ap-southeast-5": "aws", "ap-southeast-6": "aws", "ap-southeast-7": "aws",
        "ca-central-1": "aws", "ca-west-1": "aws",
        "eu-central-1": "aws", "eu-central-2": "aws", "eu-west-1": "aws", "eu-west-2": "aws", "eu-west-3": "aws",
        "eu-south-1": "aws", "eu-south-2": "aws", "eu-north-1": "aws",
        "il-central-1": "aws", "me-south-1": "aws", "me-central-1": "aws", "mx-central-1": "aws", "sa-east-1": "aws",
        "us-gov-east-1": "aws-us-gov", "us-gov-west-1": "aws-us-gov",
        "cn-north-1": "aws-cn", "cn-northwest-1": "aws-cn",
    ]

    /// The partition of `region` (`aws`, `aws-cn`, `aws-us-gov`).
    public static func partition(of region: String) -> String { all[region] ?? "aws" }

    /// The domain of `region`'s endpoints (`AWS::URLSuffix`).
    public static func urlSuffix(of region: String) -> String {
        partition(of: region) == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com"
    }
}
