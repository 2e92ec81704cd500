"""Retrains a project's model when its endpoint's data drifts: on each drift alarm that
enters ALARM (delivered by SNS), start the project's SageMaker pipeline and publish a notice.
Written by smgen; environment: PIPELINE_NAME, NOTICE_TOPIC_ARN."""
import json
import os

import boto3

sagemaker = boto3.client("sagemaker")
sns = boto3.client("sns")


def handler(event, context):
    pipeline = os.environ["PIPELINE_NAME"]
    started = []
    for record in event.get("Records", []):
        alarm = json.loads(record["Sns"]["Message"])
        if alarm.get("NewStateValue") != "ALARM":
            continue
        name = alarm.get("AlarmName", "a drift alarm")
        reason = alarm.get("NewStateReason", "no reason given")
        execution = sagemaker.start_pipeline_execution(
            PipelineName=pipeline,
            PipelineExecutionDisplayName="drift-retraining",
            PipelineExecutionDescription=f"Started by {name}: {reason}"[:3072],
            # The SNS message id: a redelivered alarm does not start a second run.
            ClientRequestToken=record["Sns"]["MessageId"],
        )["PipelineExecutionArn"]
        started.append(execution)
        sns.publish(
            TopicArn=os.environ["NOTICE_TOPIC_ARN"],
            Subject=f"Retraining {pipeline}"[:100],
            Message=f"{name} reported data drift: {reason}\n"
                    f"Started {execution}; a model it registers waits for approval in the model registry.",
        )
    return {"started": started}
