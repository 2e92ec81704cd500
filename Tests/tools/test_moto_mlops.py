"""Deploys an MLOps tree (Fixtures/render/mlops: S3 source, a monitored endpoint) through
moto's CloudFormation and checks what moto really creates: the build, delivery, upload and
retraining roles with their trust and policies, the retraining function with its runtime,
handler and settings, the drift and retraining topics, the artifact buckets, and the upload
rule aimed at the delivery pipeline. moto skips CodeBuild, CodePipeline, SageMaker
resources and SNS subscriptions; cfn-lint, the golden files and the pipeline definition test
cover those."""
import json

from conftest import ROOT
from moto import client, moto_server
from test_moto_deploy import deploy

FIXTURE = ROOT / "Tests/SMGenCoreTests/Fixtures/render/mlops/smgen.yaml"
REGION = "us-east-2"


def test_the_mlops_stacks_deploy_through_moto(smgen, tmp_path):
    smgen("render", "-c", str(FIXTURE), "-o", str(tmp_path / "out"))
    environment = tmp_path / "out/dev"
    with moto_server() as url:
        deployed = deploy(client("cloudformation", url, region=REGION), environment, "loop-sm-domain-DomainId")
        assert {"loop-sm-mlops-risk-churn", "loop-sm-mlops-risk-fraud", "loop-sm-models-risk-churn"} <= set(deployed)

        iam = client("iam", url, region=REGION)
        for role, service, policy in [("SageMaker-risk-churn-Build", "codebuild.amazonaws.com", "loop-sm-risk-churn-build"),
                                      ("SageMaker-risk-churn-Delivery", "codepipeline.amazonaws.com", "loop-sm-risk-churn-delivery"),
                                      ("SageMaker-risk-churn-SourceEvents", "events.amazonaws.com", "loop-sm-risk-churn-source-events"),
                                      ("SageMaker-risk-churn-Retrain", "lambda.amazonaws.com", "loop-sm-risk-churn-retrain")]:
            trust = iam.get_role(RoleName=role)["Role"]["AssumeRolePolicyDocument"]["Statement"]
            assert [s["Principal"] for s in trust] == [{"Service": service}], role
            assert iam.list_attached_role_policies(RoleName=role)["AttachedPolicies"] == [], role
            assert iam.list_role_policies(RoleName=role)["PolicyNames"] == [policy], role
        assert not any(r["RoleName"] == "SageMaker-risk-fraud-Retrain" for r in iam.list_roles()["Roles"]), "only monitored projects retrain"

        function = client("lambda", url, region=REGION).get_function(FunctionName="risk-churn-retrain")["Configuration"]
        assert (function["Runtime"], function["Handler"]) == ("python3.13", "index.handler")
        assert function["Role"].endswith(":role/SageMaker-risk-churn-Retrain")
        variables = function["Environment"]["Variables"]
        assert variables["PIPELINE_NAME"] == "risk-churn-pipeline"
        assert variables["NOTICE_TOPIC_ARN"].endswith(":loop-sm-risk-churn-retraining")

        sns = client("sns", url, region=REGION)
        topics = {t["TopicArn"].rsplit(":", 1)[1]: t["TopicArn"] for t in sns.list_topics()["Topics"]}
        assert {"loop-sm-risk-churn-drift", "loop-sm-risk-churn-retraining"} <= set(topics)

        events = client("events", url, region=REGION)
        rules = [r for r in events.list_rules()["Rules"] if r["Name"].startswith("loop-sm-mlops-risk-churn-")]
        assert len(rules) == 1
        pattern = json.loads(rules[0]["EventPattern"])
        assert pattern["detail"] == {"bucket": {"name": ["loop-sm-risk-churn-cicd"]}, "object": {"key": ["source/source.zip"]}}
        targets = events.list_targets_by_rule(Rule=rules[0]["Name"])["Targets"]
        assert [t["Arn"].rsplit(":", 1)[1] for t in targets] == ["risk-churn-delivery"]
        assert targets[0]["RoleArn"].endswith(":role/SageMaker-risk-churn-SourceEvents")

        buckets = {b["Name"] for b in client("s3", url, region=REGION).list_buckets()["Buckets"]}
        assert {"loop-sm-risk-churn", "loop-sm-risk-churn-cicd", "loop-sm-risk-fraud-cicd"} <= buckets
