"""The retraining function (templates/lambda/retrain.py, inlined in the MLOps stacks of
projects with monitored endpoints), run against botocore's Stubber: a drift alarm that
enters ALARM starts the project's pipeline exactly once per SNS message and publishes a
notice; an alarm returning to OK does nothing."""
import importlib.util
import json

import boto3
import pytest
from botocore.stub import Stubber
from cfnlint.decode import cfn_yaml

from conftest import ROOT

CODE = ROOT / "templates/lambda/retrain.py"
STACK = ROOT / "Tests/SMGenCoreTests/Fixtures/render/mlops/expected/dev/stacks/loop-sm-mlops-risk-churn.yaml"
TOPIC = "arn:aws:sns:us-east-2:444444444444:loop-sm-risk-churn-retraining"


@pytest.fixture()
def function(monkeypatch):
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-2")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("PIPELINE_NAME", "risk-churn-pipeline")
    monkeypatch.setenv("NOTICE_TOPIC_ARN", TOPIC)
    spec = importlib.util.spec_from_file_location("retrain", CODE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.sagemaker = boto3.client("sagemaker", region_name="us-east-2")
    module.sns = boto3.client("sns", region_name="us-east-2")
    with Stubber(module.sagemaker) as sagemaker, Stubber(module.sns) as sns:
        yield module, sagemaker, sns


def notification(state, message_id="5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d"):
    alarm = {"AlarmName": "risk-churn-scorer-ep-data-drift", "NewStateValue": state,
             "NewStateReason": "Threshold Crossed: 1 datapoint [0.31] was greater than the threshold (0.1)."}
    return {"Records": [{"EventSource": "aws:sns", "Sns": {"MessageId": message_id, "Message": json.dumps(alarm)}}]}


def test_an_alarm_starts_the_pipeline_once_and_publishes_a_notice(function):
    module, sagemaker, sns = function
    execution = "arn:aws:sagemaker:us-east-2:444444444444:pipeline/risk-churn-pipeline/execution/abc123"
    sagemaker.add_response("start_pipeline_execution", {"PipelineExecutionArn": execution}, {
        "PipelineName": "risk-churn-pipeline",
        "PipelineExecutionDisplayName": "drift-retraining",
        "PipelineExecutionDescription": "Started by risk-churn-scorer-ep-data-drift: Threshold Crossed: 1 datapoint [0.31] was greater than the threshold (0.1).",
        "ClientRequestToken": "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d",
    })
    sns.add_response("publish", {"MessageId": "n-1"}, {
        "TopicArn": TOPIC,
        "Subject": "Retraining risk-churn-pipeline",
        "Message": "risk-churn-scorer-ep-data-drift reported data drift: Threshold Crossed: 1 datapoint [0.31] was greater than the threshold (0.1).\n"
                   f"Started {execution}; a model it registers waits for approval in the model registry.",
    })
    assert module.handler(notification("ALARM"), None) == {"started": [execution]}
    sagemaker.assert_no_pending_responses()
    sns.assert_no_pending_responses()


def test_an_alarm_back_to_ok_does_nothing(function):
    module, sagemaker, sns = function
    assert module.handler(notification("OK"), None) == {"started": []}
    sagemaker.assert_no_pending_responses()
    sns.assert_no_pending_responses()


def test_a_failed_start_fails_the_invocation_so_sns_retries(function):
    module, sagemaker, sns = function
    sagemaker.add_client_error("start_pipeline_execution", service_error_code="ResourceLimitExceeded")
    with pytest.raises(module.sagemaker.exceptions.ResourceLimitExceeded):
        module.handler(notification("ALARM"), None)
    sns.assert_no_pending_responses()


def test_the_stacks_inline_exactly_this_code():
    properties = cfn_yaml.load(str(STACK))["Resources"]["RetrainFunction"]["Properties"]
    assert properties["Code"]["ZipFile"] == CODE.read_text()
    assert properties["Handler"] == "index.handler"
    assert len(CODE.read_text()) <= 4096, "inline Lambda code is limited to 4 KB"
