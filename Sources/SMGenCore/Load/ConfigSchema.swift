import SMGenYAML

/// `smgen schema`: a JSON Schema (draft 2020-12) of smgen.yaml version 1 for editors.
/// It states the shape and the patterns; rules that relate keys (members are users,
/// computed names fit AWS limits) are checked by `smgen validate` only.
public enum ConfigSchema {
    public static func run() -> CommandResult {
        CommandResult(stdout: JSONWriter.write(schema))
    }

    static let idPattern = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"

    public static var schema: YAMLValue {
        .map([
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://smgen.dev/schema/smgen-v1.json",
            "title": "smgen.yaml (version 1)",
            "description": "The config of smgen, the generator of CloudFormation for a multi-team SageMaker platform.",
            "type": "object",
            "additionalProperties": false,
            "required": .strings(ConfigLoader.requiredTopLevelKeys),
            "properties": .map([
                "version": .map(["const": 1, "description": "The config format version."]),
                "org": object(
                    required: ["company"],
                    [
                        "company": string(pattern: "^[a-z][a-z0-9-]{1,19}$", "Org prefix of every name."),
                        "tags": .map([
                            "type": "object", "description": "Tags added to every taggable resource.",
                            "propertyNames": .map([
                                "pattern": "^(?!aws:)[\\w .:/=+@-]{1,128}$",
                                "not": .map(["enum": .strings(Tagging.reservedKeys.sorted())]),
                            ]),
                            "additionalProperties": string(pattern: "^[\\w .:/=+@-]{0,256}$", nil),
                        ]),
                    ]),
                "environments": .map([
                    "type": "object", "minProperties": 1,
                    "description": "One or more environments, each its own account.",
                    "propertyNames": .map(["pattern": .string(idPattern), "maxLength": 16]),
                    "additionalProperties": environment,
                ]),
                "domain": object([
                    "name": string(pattern: "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$", "Domain name; default {company}-ml."),
                    "idle_timeout_minutes": integer(60, 525_600, "JupyterLab idle shutdown, in minutes; default 60."),
                ]),
                "naming": object([
                    "bucket_suffix": string(
                        pattern: "^[a-z0-9.-]{0,40}$", "Text appended to bucket names, e.g. -123456789012.")
                ]),
                "modules": object([
                    "ecr": object(
                        required: ["enabled"],
                        [
                            "enabled": boolean,
                            "shared_repos": repositories(
                                "Shared repositories; default base-sklearn, base-pytorch, base-xgboost."),
                            "project_repos": repositories(
                                "Per-project repositories; default preprocessing, training, inference."),
                            "keep_images": integer(1, 1000, "Images kept per repository; default 10."),
                        ]),
                    "model_registry": object(required: ["enabled"], ["enabled": boolean]),
                    "monitoring": object(
                        required: ["enabled"],
                        [
                            "enabled": boolean,
                            "log_retention_days": object([
                                "processing": retention, "training": retention, "endpoints": retention,
                            ]),
                            "alarm_email": .map(["anyOf": [string(pattern: emailPattern, nil), .map(["const": ""])]]),
                        ]),
                    "mlops": object(
                        required: ["enabled"],
                        [
                            "enabled": boolean,
                            "source": .map([
                                "enum": ["s3", "git"],
                                "description": "Where delivery takes the projects' code: s3 (default) or git.",
                            ]),
                            "git_provider": .map([
                                "enum": .strings(CodeSource.providers),
                                "description": "With source git; default GitHub.",
                            ]),
                        ]),
                ]),
                "admins": .map([
                    "type": "array", "items": .map(["type": "string"]), "uniqueItems": true,
                    "description": "Platform admins; each is a key of users.",
                ]),
                "users": .map([
                    "type": "object", "description": "Every human once; the key is the IAM user name.",
                    "propertyNames": .map(["pattern": "^[A-Za-z0-9+=,.@_-]{1,64}$"]),
                    "additionalProperties": .map([
                        "type": ["object", "null"], "additionalProperties": false,
                        "properties": .map(["email": string(pattern: emailPattern, nil)]),
                    ]),
                ]),
                "teams": .map([
                    "type": "object",
                    "propertyNames": .map(["pattern": "^[a-z][a-z0-9]{0,9}$"]),
                    "additionalProperties": team,
                ]),
                "overrides": .map([
                    "type": "array", "items": override, "description": "Changes to generated resources, applied last.",
                ]),
            ]),
        ])
    }

    static var override: YAMLValue {
        .map([
            "type": "object", "additionalProperties": false, "required": ["stack", "resource", "path"],
            "properties": .map([
                "stack": string(pattern: "^[a-z][a-z0-9-]*$", "The stack's full name, e.g. acme-sm-domain."),
                "resource": string(pattern: "^[A-Za-z0-9]{1,255}$", "The resource's logical ID."),
                "path": string(
                    pattern: "^(\(ConfigBuilder.overridableAttributes.joined(separator: "|")))(\\.[^.]+)*$",
                    "Dotted path inside the resource, e.g. Properties.Tags.0.Value."),
                "value": .map(["description": "The value to set (any YAML, intrinsic functions included)."]),
                "delete": .map(["const": true, "description": "Remove the value at path instead."]),
                "environment": string(pattern: idPattern, "Only in this environment."),
                "reason": .map(["type": "string", "description": "Why; shown in the generated README."]),
            ]),
            "oneOf": [.map(["required": ["value"]]), .map(["required": ["delete"]])],
        ])
    }

    static let emailPattern = "^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$"

    static var environment: YAMLValue {
        object(
            required: ["account", "region", "vpc"],
            [
                "account": string(pattern: "^[0-9]{12}$", "AWS account id: exactly 12 digits, quoted."),
                "region": .map(["enum": .strings(Regions.all.keys.sorted())]),
                "vpc": object(
                    required: ["id", "cidr", "subnets"],
                    [
                        "id": string(pattern: "^vpc-([0-9a-f]{8}|[0-9a-f]{17})$", nil),
                        "cidr": string(
                            pattern:
                                "^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])/(1[6-9]|2[0-8])$",
                            "IPv4 CIDR of the VPC, /16 to /28."),
                        "subnets": .map([
                            "type": "array", "minItems": 2, "uniqueItems": true,
                            "items": string(pattern: "^subnet-([0-9a-f]{8}|[0-9a-f]{17})$", nil),
                        ]),
                        "endpoints": boolean,
                        "route_tables": .map([
                            "type": "array", "uniqueItems": true,
                            "items": string(pattern: "^rtb-([0-9a-f]{8}|[0-9a-f]{17})$", nil),
                        ]),
                    ]),
                "template_bucket": string(
                    pattern: "^([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])?$", "S3 bucket for templates over 51,200 bytes."),
            ])
    }

    static var team: YAMLValue {
        object(
            required: ["projects"],
            [
                "name": string(pattern: "^[\\w .:/=+@-]{1,64}$", "Display name."),
                "projects": .map([
                    "type": "object",
                    "propertyNames": .map(["pattern": .string(idPattern), "maxLength": 32]),
                    "additionalProperties": project,
                ]),
            ])
    }

    static var project: YAMLValue {
        object(
            required: ["members"],
            [
                "short": .map([
                    "type": "string", "pattern": .string(idPattern), "maxLength": 32,
                    "description": "Short id for profile, space and role names.",
                ]),
                "members": .map(["type": "array", "uniqueItems": true, "items": .map(["type": "string"])]),
                "models": .map([
                    "type": "object",
                    "propertyNames": .map(["pattern": .string(idPattern), "maxLength": 16]),
                    "additionalProperties": model,
                ]),
                "pipeline": object([
                    "accuracy_threshold": .map([
                        "type": "number", "minimum": 0, "maximum": 1,
                        "description": "Accuracy a model needs to be registered; default 0.8.",
                    ]),
                    "instance_type": string(
                        pattern: "^ml\\.[a-z0-9-]+\\.[a-z0-9-]+$",
                        "Instance type of the pipeline's jobs; default ml.m5.large."),
                    "repository": string(
                        pattern: "^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)+$", "With source git: the repository, owner/name."),
                    "branch": string(pattern: "^[A-Za-z0-9._/-]+$", "With source git: the branch; default main."),
                ]),
            ])
    }

    static var model: YAMLValue {
        var properties = object(
            required: ["version", "image"],
            [
                "version": integer(1, 9999, nil),
                "instance_type": string(pattern: "^ml\\.[a-z0-9-]+\\.[a-z0-9-]+$", "Default ml.m5.large."),
                "monitor": .map([
                    "type": "boolean",
                    "description": "Model Monitor with a drift alarm that retrains (needs modules.mlops).",
                ]),
                "drift_feature": string(
                    pattern: "^[A-Za-z0-9_]{1,100}$",
                    "With monitor: the feature whose drift the alarm watches; default distance."),
                "image": .map(["type": "string", "maxLength": 255]),
                "autoscaling": object([
                    "min": integer(1, 100, nil), "max": integer(1, 100, nil),
                    "target_invocations": integer(1, 100_000, nil),
                ]),
                "serverless": object([
                    "memory_mb": .map(["enum": [1024, 2048, 3072, 4096, 5120, 6144]]),
                    "max_concurrency": integer(1, 200, nil),
                ]),
            ])
        if case .map(var entries) = properties {
            entries.append(
                YAMLEntry(
                    "not",
                    .map([
                        "anyOf": [
                            .map(["required": ["instance_type", "serverless"]]),
                            .map(["required": ["autoscaling", "serverless"]]),
                        ]
                    ])))
            properties = .map(entries)
        }
        return properties
    }

    static let boolean: YAMLValue = .map(["type": "boolean"])

    static var retention: YAMLValue {
        .map(["enum": .list(ConfigBuilder.logRetentionDays.sorted().map { .int($0) })])
    }

    static func repositories(_ description: String) -> YAMLValue {
        .map([
            "type": "array", "uniqueItems": true, "description": .string(description),
            "items": string(pattern: "^[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*$", nil),
        ])
    }

    static func object(required: [String] = [], _ properties: KeyValuePairs<String, YAMLValue>) -> YAMLValue {
        var entries: [YAMLEntry] = [YAMLEntry("type", "object"), YAMLEntry("additionalProperties", false)]
        if !required.isEmpty { entries.append(YAMLEntry("required", .strings(required))) }
        entries.append(YAMLEntry("properties", .map(properties)))
        return .map(entries)
    }

    static func string(pattern: String, _ description: String?) -> YAMLValue {
        var entries = [YAMLEntry("type", "string"), YAMLEntry("pattern", .string(pattern))]
        if let description { entries.append(YAMLEntry("description", .string(description))) }
        return .map(entries)
    }

    static func integer(_ minimum: Int, _ maximum: Int, _ description: String?) -> YAMLValue {
        var entries = [
            YAMLEntry("type", "integer"), YAMLEntry("minimum", .int(minimum)), YAMLEntry("maximum", .int(maximum)),
        ]
        if let description { entries.append(YAMLEntry("description", .string(description))) }
        return .map(entries)
    }
}
