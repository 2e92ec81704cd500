"""Every generated SageMaker pipeline definition has the structure SageMaker expects: the
template's !Sub resolves (every ${...} has a value), the JSON parses, every step has a known
type and unique name, every reference (Get of Parameters, Steps, Execution; property files;
processing outputs) resolves, the steps form a DAG, the jobs' arguments are valid requests of
the SageMaker API (botocore's own service model and validator), the jobs run in the VPC with
the project's security groups, role and job-name prefix, and the model is registered into
the project's own group, pending approval."""
import json
import re

import botocore.session
import pytest
from botocore.validate import ParamValidator
from cfnlint.decode import cfn_yaml

from conftest import ROOT

FIXTURES = ROOT / "Tests/SMGenCoreTests/Fixtures/render"
STACKS = sorted(FIXTURES.glob("*/expected/*/stacks/*-sm-mlops-*.yaml"))
MODEL = botocore.session.get_session().get_service_model("sagemaker")
# The request each step type sends, as botocore names it.
REQUESTS = {"Processing": "CreateProcessingJob", "Training": "CreateTrainingJob", "RegisterModel": "CreateModelPackage"}
EXECUTION_VARIABLES = {"PipelineExecutionId", "PipelineExecutionArn", "PipelineName", "PipelineArn", "StartDateTime", "CurrentDateTime"}


def definition(path):
    """The pipeline definition of an MLOps stack, with the !Sub variables filled in."""
    pipeline = cfn_yaml.load(str(path))["Resources"]["Pipeline"]["Properties"]
    text, variables = pipeline["PipelineDefinition"]["PipelineDefinitionBody"]["Fn::Sub"]
    values = {"AWS::AccountId": "444444444444", "AWS::Region": "us-east-2", "AWS::URLSuffix": "amazonaws.com",
              "ExecutionRoleArn": "arn:aws:iam::444444444444:role/SageMaker-x-ExecutionRole",
              "ProcessingSecurityGroupId": "sg-0processing", "TrainingSecurityGroupId": "sg-0training"}
    missing = set(re.findall(r"\$\{([^}]+)\}", text)) - set(values)
    assert not missing, f"{path.name}: unresolved ${{}} in the definition: {missing}"
    assert set(variables) <= set(values)
    return pipeline, json.loads(re.sub(r"\$\{([^}]+)\}", lambda m: values[m.group(1)], text))


def steps_of(steps):
    """Every step, nested condition branches included, with the condition holding it."""
    for step in steps:
        yield step, None
        if step["Type"] == "Condition":
            for branch in ("IfSteps", "ElseSteps"):
                for inner in step["Arguments"][branch]:
                    yield inner, step["Name"]


def references(value):
    """Every {"Get": path} inside a value."""
    if isinstance(value, dict):
        if set(value) == {"Get"}:
            yield value["Get"]
        for inner in value.values():
            yield from references(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from references(inner)


def placeholders(value):
    """The value with every pipeline expression replaced by a plain string, as an execution sees it."""
    if isinstance(value, dict):
        if len(value) == 1 and next(iter(value)) in ("Get", "Std:Join", "Std:JsonGet"):
            return "s3://bucket/resolved-at-run-time"
        return {key: placeholders(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [placeholders(inner) for inner in value]
    return value


@pytest.mark.parametrize("path", STACKS, ids=lambda p: p.stem)
def test_the_pipeline_definition_is_what_sagemaker_expects(path):
    assert STACKS, "no MLOps stack among the golden trees"
    pipeline, document = definition(path)
    project = path.stem.split("-sm-mlops-")[1]
    team, project_id = project.split("-", 1)
    assert pipeline["PipelineName"] == f"{project}-pipeline"
    assert document["Version"] == "2020-12-01"
    parameters = {p["Name"]: p for p in document["Parameters"]}
    assert set(parameters) == {"InputData", "AccuracyThreshold", "ModelApprovalStatus", "InstanceType"}
    assert parameters["AccuracyThreshold"]["Type"] == "Float" and parameters["ModelApprovalStatus"]["DefaultValue"] == "PendingManualApproval"

    all_steps = list(steps_of(document["Steps"]))
    names = [step["Name"] for step, _ in all_steps]
    assert len(names) == len(set(names)), names
    by_name = {step["Name"]: step for step, _ in all_steps}
    assert {step["Type"] for step in by_name.values()} <= {"Processing", "Training", "Condition", "RegisterModel", "Fail"}

    # Every reference resolves; the step graph (data references and DependsOn) is acyclic.
    edges = {name: set(by_name[name].get("DependsOn", [])) for name in by_name}
    for step, parent in all_steps:
        for reference in references(step):
            root, _, rest = reference.partition(".")
            if root == "Parameters":
                assert rest in parameters, (step["Name"], reference)
            elif root == "Execution":
                assert rest in EXECUTION_VARIABLES, (step["Name"], reference)
            else:
                assert root == "Steps", reference
                target = rest.split(".")[0]
                assert target in by_name and target != step["Name"], (step["Name"], reference)
                edges[step["Name"]].add(target)
                if ".PropertyFiles." in reference:
                    files = [f["PropertyFileName"] for f in by_name[target].get("PropertyFiles", [])]
                    assert reference.rsplit(".", 1)[1] in files, reference
                output = re.search(r"Outputs\['([^']+)'\]", reference)
                if output:
                    outputs = [o["OutputName"] for o in by_name[target]["Arguments"]["ProcessingOutputConfig"]["Outputs"]]
                    assert output.group(1) in outputs, reference
        if parent:
            edges[step["Name"]].add(parent)
    visiting, done = set(), set()

    def visit(name):
        assert name not in visiting, f"cycle through {name}"
        if name in done:
            return
        visiting.add(name)
        for target in edges[name]:
            visit(target)
        visiting.discard(name)
        done.add(name)
    for name in by_name:
        visit(name)

    # Each job is a valid SageMaker request, in the VPC, with the project's role and prefix.
    validator = ParamValidator()
    for name, step in by_name.items():
        arguments = step["Arguments"]
        if step["Type"] in REQUESTS:
            shape = MODEL.operation_model(REQUESTS[step["Type"]]).input_shape
            report = validator.validate(placeholders(arguments), shape)
            assert not report.has_errors(), f"{name}: {report.generate_report()}"
        if step["Type"] == "Processing":
            assert arguments["ProcessingJobName"].startswith(f"{team}-{project_id}-")
            assert arguments["NetworkConfig"]["VpcConfig"]["SecurityGroupIds"] == ["sg-0processing"]
            assert arguments["NetworkConfig"]["VpcConfig"]["Subnets"]
            assert arguments["RoleArn"].endswith("ExecutionRole")
        elif step["Type"] == "Training":
            assert arguments["TrainingJobName"].startswith(f"{team}-{project_id}-")
            assert arguments["VpcConfig"]["SecurityGroupIds"] == ["sg-0training"] and arguments["VpcConfig"]["Subnets"]
            assert arguments["RoleArn"].endswith("ExecutionRole")
        elif step["Type"] == "RegisterModel":
            assert arguments["ModelPackageGroupName"] == f"{team}-{project_id}"
            assert arguments["ModelApprovalStatus"] == {"Get": "Parameters.ModelApprovalStatus"}
    condition = next(step for step in by_name.values() if step["Type"] == "Condition")
    assert [s["Type"] for s in condition["Arguments"]["IfSteps"]] == ["RegisterModel"]
    assert [s["Type"] for s in condition["Arguments"]["ElseSteps"]] == ["Fail"]
    assert condition["Arguments"]["Conditions"][0]["RightValue"] == {"Get": "Parameters.AccuracyThreshold"}
