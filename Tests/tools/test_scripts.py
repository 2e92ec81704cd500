"""The generated scripts: shellcheck finds nothing in any of them, and run against a
recording fake `aws`, each scenario makes exactly the calls (and prints exactly the output)
in its golden file under golden/scripts/. SMGEN_RECORD=1 re-records the golden files."""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

GOLDEN = pathlib.Path(__file__).parent / "golden/scripts"
IDENTITY = {"match": r"sts get-caller-identity", "stdout": "123456789012\n"}
DOMAIN = {"match": r"describe-stacks --stack-name acme-sm-domain --query Stacks\[0\]\.Outputs", "stdout": "d-abc123def456\n"}
COMPLETE = {"match": r"describe-stacks --stack-name \S+ --query Stacks\[0\]\.StackStatus", "stdout": "CREATE_COMPLETE\n"}
SPACES = {"match": r"list-stack-resources --stack-name acme-sm-people-rc-fraud-detection",
          "stdout": "d-abc123def456|space-rc-fraud-alice\td-abc123def456|space-rc-fraud-bob\td-abc123def456|space-rc-fraud-zed\n"}
APPS = {"match": r"list-apps --domain-id-equals d-abc123def456 --space-name-equals space-rc-fraud-(zed|alice)",
        "stdout": "JupyterLab\tdefault\n"}
APP_GONE = {"match": r"describe-app ", "stdout": "Deleted\n"}
STALE = {"match": r"list-stacks ", "stdout": "acme-sm-network\tacme-sm-project-rc-churn\tacme-sm-people-rc-churn\n"}

SCENARIOS = {
    "deploy": (["deploy.sh"], [IDENTITY, DOMAIN, SPACES, APPS, APP_GONE, STALE]),
    "deploy-only": (["deploy.sh", "--only", "acme-sm-people-rc-fraud-detection", "--profile", "platform"], [IDENTITY, DOMAIN, SPACES, APPS, APP_GONE]),
    "deploy-only-no-deps": (["deploy.sh", "--only", "acme-sm-team-rc", "--no-deps"], [IDENTITY]),
    "deploy-dry-run": (["deploy.sh", "--dry-run"], []),
    "deploy-wrong-account": (["deploy.sh"], [{"match": "sts get-caller-identity", "stdout": "999999999999\n"}]),
    "deploy-wrong-region": (["deploy.sh", "--region", "eu-west-1"], [IDENTITY]),
    "deploy-failure": (["deploy.sh"], [IDENTITY, DOMAIN, {
        "match": r"cloudformation deploy --stack-name acme-sm-team-rc ", "exit": 255,
        "stderr": "\nFailed to create/update the stack. Run the following command\nto fetch the list of events leading up to the failure\n"}, {
        "match": r"describe-stack-events --stack-name acme-sm-team-rc",
        "stdout": "TeamPolicy\tCREATE_FAILED\tMalformedPolicyDocument\nacme-sm-team-rc\tROLLBACK_COMPLETE\tNone\n"}]),
    "verify": (["verify.sh"], [IDENTITY, DOMAIN, COMPLETE, {"match": r"describe-(domain|user-profile|space|endpoint) ", "stdout": "InService\n"},
                               {"match": r"describe-model-package-group ", "stdout": "Completed\n"}]),
    "verify-missing": (["verify.sh"], [IDENTITY, DOMAIN,
        {"match": r"describe-stacks --stack-name acme-sm-people-rc-fraud-detection --query", "stdout": "UPDATE_ROLLBACK_COMPLETE\n"}, COMPLETE,
        {"match": r"describe-user-profile .*profile-rc-fraud-bob ", "exit": 254, "stderr": "ResourceNotFound\n"},
        {"match": r"describe-(domain|user-profile|space) ", "stdout": "InService\n"},
        {"match": r"head-bucket --bucket acme-sm-rc-anti-money-laundering", "exit": 254}]),
    "cleanup": (["cleanup.sh", "--yes"], [IDENTITY, DOMAIN, COMPLETE, SPACES, APPS, APP_GONE]),
    "cleanup-not-confirmed": (["cleanup.sh"], [IDENTITY]),
    "cleanup-delete-data": (["cleanup.sh", "--yes", "--delete-data"], [IDENTITY, DOMAIN, COMPLETE, {
        "match": r"list-object-versions --bucket acme-sm-rc-fraud-detection", "times": 1,
        "stdout": '{"Objects": [{"Key": "data/a.csv", "VersionId": "v1"}]}\n'}, {"match": r"list-object-versions", "stdout": '{"Objects": []}\n'}]),
    "cleanup-stale": (["cleanup.sh", "--stale", "--yes"], [IDENTITY, DOMAIN, STALE, COMPLETE]),
    "cleanup-dev-endpoints": (["cleanup-dev-endpoints.sh", "--days", "10", "--yes"], [IDENTITY, {
        "match": r"list-endpoints --name-contains rc-fraud-detection- ",
        "stdout": "rc-fraud-detection-fraud-ep\tarn:aws:sagemaker:ap-southeast-1:123456789012:endpoint/rc-fraud-detection-fraud-ep\n"}, {
        "match": r"list-tags ", "stdout": "dev\n"}, {"match": r"get-metric-statistics", "stdout": "0.0\n"}]),
    # The design org with the MLOps loop: its pipelines, artifact buckets and monitoring schedule are verified too.
    "verify-mlops": (["verify.sh"], [IDENTITY, DOMAIN, COMPLETE, {"match": r"describe-(domain|user-profile|space|endpoint) ", "stdout": "InService\n"},
                                     {"match": r"describe-model-package-group ", "stdout": "Completed\n"},
                                     {"match": r"describe-pipeline --pipeline-name rc-anti-money-laundering-pipeline ", "exit": 254, "stderr": "ResourceNotFound\n"},
                                     {"match": r"describe-pipeline ", "stdout": "Active\n"},
                                     {"match": r"describe-monitoring-schedule ", "stdout": "Scheduled\n"}], "design-org-mlops"),
}


@pytest.fixture(scope="module")
def rendered(smgen, tmp_path_factory):
    """The `dev` tree of each example the scenarios run in, by the example's name."""
    trees = {}
    for example in ("design-org", "design-org-mlops"):
        out = tmp_path_factory.mktemp(example)
        smgen("render", "-c", str(ROOT / f"examples/{example}.yaml"), "-o", str(out))
        trees[example] = out / "dev"
    return trees


def test_shellcheck_finds_nothing(smgen, tmp_path):
    scripts = sorted(ROOT.glob("output/*/scripts/*.sh")) + sorted(ROOT.glob("Tests/SMGenCoreTests/Fixtures/render/*/expected/*/scripts/*.sh"))
    assert len(scripts) > 20
    result = subprocess.run(["shellcheck", "--external-sources", "--severity=style", *map(str, scripts)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def run_with_fake_aws(cwd, tmp_path, command, rules):
    """Runs `scripts/COMMAND...` in `cwd`, as a user would (by its path: the scripts are
    executable), with the fake aws answering by `rules`; the result and the calls it logged."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "aws"
    fake.write_text(f"#!/bin/sh\nexec {sys.executable} {pathlib.Path(__file__).parent / 'fake_aws.py'} \"$@\"\n")
    fake.chmod(0o755)
    (tmp_path / "rules.json").write_text(json.dumps(rules))
    log = tmp_path / "aws.log"
    log.write_text("")
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}", FAKE_AWS_LOG=str(log), FAKE_AWS_RULES=str(tmp_path / "rules.json"))
    result = subprocess.run([f"scripts/{command[0]}", *command[1:]], cwd=cwd, env=env,
                            capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    return result, log.read_text().splitlines()


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_script_scenario(rendered, tmp_path, scenario):
    command, rules, *example = SCENARIOS[scenario]
    result, logged = run_with_fake_aws(rendered[example[0] if example else "design-org"], tmp_path, command, rules)
    # Times (cleanup-dev-endpoints asks CloudWatch about the last N days) differ run to run.
    calls = [re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "<time>", line) for line in logged]
    transcript = "\n".join([
        f"$ scripts/{' '.join(command)}", f"exit: {result.returncode}", "--- aws calls", *calls,
        "--- stdout", result.stdout.rstrip("\n"), "--- stderr", result.stderr.rstrip("\n"), "",
    ])
    golden = GOLDEN / f"{scenario}.txt"
    if os.environ.get("SMGEN_RECORD") == "1":
        golden.write_text(transcript)
        pytest.fail(f"Recorded new baseline: {golden}")
    assert golden.exists(), f"missing {golden}; run with SMGEN_RECORD=1"
    assert transcript == golden.read_text()


def deploy_spans(calls):
    """From the fake's log of a deploy whose `cloudformation deploy` calls take a while: when
    each stack's deploy started and ended (line numbers), and the most that ran at once."""
    started, ended, running, most = {}, {}, 0, 0
    for number, line in enumerate(calls):
        found = re.search(r"cloudformation deploy --stack-name (\S+)", line)
        if not found:
            continue
        if line.startswith("done: "):
            ended[found[1]] = number
            running -= 1
        else:
            started[found[1]] = number
            running += 1
            most = max(most, running)
    return started, ended, most


def test_a_parallel_deploy_starts_each_stack_once_what_it_needs_is_deployed(rendered, tmp_path):
    tree = rendered["design-org"]
    needs = {stack["name"]: stack["depends_on"] for stack in json.loads((tree / "manifest.json").read_text())["stacks"]}
    result, calls = run_with_fake_aws(tree, tmp_path, ["deploy.sh", "--concurrency", "4"],
                                      [IDENTITY, DOMAIN, {"match": r"cloudformation deploy ", "sleep": 0.3}, STALE])
    assert result.returncode == 0, result.stderr
    started, ended, most = deploy_spans(calls)
    assert set(started) == set(ended) == set(needs), "every stack deployed once"
    for stack, dependencies in needs.items():
        assert all(ended[dependency] < started[stack] for dependency in dependencies), stack
    assert 2 <= most <= 4, most
    summary = [line.split() for line in result.stdout.strip().split("\n\n")[0].splitlines()[1:]]
    assert sorted(summary) == sorted([stack, "deployed"] for stack in needs)


def test_a_parallel_deploy_starts_nothing_more_after_a_failure(rendered, tmp_path):
    tree = rendered["design-org"]
    failing = "acme-sm-project-rc-fraud-detection"
    result, calls = run_with_fake_aws(tree, tmp_path, ["deploy.sh", "--concurrency", "3"], [IDENTITY, DOMAIN, {
        "match": rf"cloudformation deploy --stack-name {failing} ", "sleep": 0.3, "exit": 255, "stderr": "Failed to create/update the stack.\n"},
        {"match": r"cloudformation deploy ", "sleep": 0.3}])
    assert result.returncode == 1
    assert result.stderr.rstrip().endswith(f"error: {failing}: deploy failed; the stacks not yet started were not deployed")
    assert f"<== {failing} failed:" in result.stderr and "Failed to create/update the stack." in result.stderr
    started, ended, _ = deploy_spans(calls)
    assert set(started) == set(ended), "the deploys running when it failed were waited for"
    assert all(started[stack] < ended[failing] for stack in started), "nothing started after the failure"
    assert "acme-sm-people-rc-fraud-detection" not in started


def test_concurrency_must_be_a_whole_number_from_one(rendered, tmp_path):
    result, calls = run_with_fake_aws(rendered["design-org"], tmp_path, ["deploy.sh", "--concurrency", "0"], [IDENTITY])
    assert result.returncode == 1 and calls == []
    assert result.stderr == "error: --concurrency needs a whole number from 1, not '0'\n"
