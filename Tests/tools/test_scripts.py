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
        "stdout": "JupyterLab\tdefault\tInService\nCodeEditor\tdefault\tDeleting\n"}
APP_GONE = {"match": r"describe-app ", "stdout": "Deleted\n"}
STALE = {"match": r"list-stacks ", "stdout": "acme-sm-network\tCREATE_COMPLETE\nacme-sm-people-rc-fraud-detection\tUPDATE_COMPLETE\n"
          "acme-sm-project-rc-churn\tCREATE_COMPLETE\nacme-sm-people-rc-churn\tUPDATE_COMPLETE\n"}

DENIED = "\nAn error occurred (AccessDenied) when calling the {} operation: User: arn:aws:iam::123456789012:user/ci is not authorized\n"


def statuses(*pairs):
    """The platform's stacks as `list-stacks` answers for them: (stack, status) pairs."""
    return {"match": r"cloudformation list-stacks ", "stdout": "".join(f"{name}\t{status}\n" for name, status in pairs)}


def missing(pattern, error):
    """A call that AWS answers with `error` (a "does not exist" kind, or any other)."""
    return {"match": pattern, "exit": 254, "stderr": f"\nAn error occurred ({error}) when calling the operation: not there\n"}


DEPLOYED = {"match": r"cloudformation deploy ", "stdout": "\nWaiting for changeset to be created..\nSuccessfully created/updated stack\n"}
UP_TO_DATE = {"match": r"cloudformation deploy --stack-name acme-sm-identity ", "stdout": "\nNo changes to deploy. Stack acme-sm-identity is up to date\n"}
ZOE = [
    {"match": r"list-stack-resources --stack-name acme-sm-users-04 --query StackResourceSummaries\[\?ResourceType==.AWS::IAM::User", "stdout": "bob\tzoe\n"},
    {"match": r"list-mfa-devices --user-name zoe", "stdout": "arn:aws:iam::123456789012:mfa/zoe\n"},
    {"match": r"list-access-keys --user-name zoe", "stdout": "AKIAIOSFODNN7EXAMPLE\n"},
    {"match": r"get-login-profile --user-name zoe", "stdout": "zoe\n"},
    {"match": r"list-service-specific-credentials --user-name zoe", "stdout": "ACCAEXAMPLE1\n"},
]
# After the users stack's update, the user is still there: in a group of a stack this run did not
# deploy (then left, with what to do), or in none (then deleted, its MFA policy detached first).
ZOE_IN_GROUP = {"match": r"list-groups-for-user --user-name zoe", "stdout": "acme-sm-team-rc\n"}
ZOE_IN_NO_GROUP = {"match": r"list-attached-user-policies --user-name zoe", "stdout": "arn:aws:iam::123456789012:policy/acme-sm-mfa\n"}
GONE = missing(r"iam get-user --user-name (?!zoe)", "NoSuchEntity")

SCENARIOS = {
    "deploy": (["deploy.sh"], [IDENTITY, DOMAIN, SPACES, APPS, APP_GONE, STALE]),
    "deploy-only": (["deploy.sh", "--only", "acme-sm-people-rc-fraud-detection", "--profile", "platform"], [IDENTITY, DOMAIN, STALE, SPACES, APPS, APP_GONE]),
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
        missing(r"describe-user-profile .*profile-rc-fraud-bob ", "ResourceNotFound"),
        {"match": r"describe-(domain|user-profile|space) ", "stdout": "InService\n"},
        {"match": r"head-bucket --bucket acme-sm-rc-anti-money-laundering", "exit": 254,
         "stderr": "\nAn error occurred (404) when calling the HeadBucket operation: Not Found\n"}]),
    "cleanup": (["cleanup.sh", "--yes"], [IDENTITY, DOMAIN, COMPLETE, SPACES, APPS, APP_GONE]),
    "cleanup-not-confirmed": (["cleanup.sh"], [IDENTITY]),
    "cleanup-delete-data": (["cleanup.sh", "--yes", "--delete-data"], [IDENTITY, DOMAIN, COMPLETE, {
        "match": r"list-object-versions --bucket acme-sm-rc-fraud-detection", "times": 1,
        "stdout": '{"Objects": [{"Key": "data/a.csv", "VersionId": "v1"}]}\n'}, {"match": r"list-object-versions", "stdout": '{"Objects": []}\n'}]),
    # A removed project's stacks: its people stack (the spaces) stays, and the project stack it needs, unless --delete-data.
    "cleanup-stale": (["cleanup.sh", "--stale", "--yes"], [IDENTITY, DOMAIN, STALE, COMPLETE]),
    "cleanup-stale-delete-data": (["cleanup.sh", "--stale", "--delete-data", "--yes"], [IDENTITY, DOMAIN, STALE, COMPLETE]),
    # Idle dev endpoints: one a notebook made (deleted), one of the config's models and one of a removed
    # project's stack (CloudFormation's: listed with what removes them, not deleted, so no stack drifts).
    "cleanup-dev-endpoints": (["cleanup-dev-endpoints.sh", "--days", "10", "--yes"], [IDENTITY, {
        "match": r"list-endpoints --name-contains rc-fraud-detection- ",
        "stdout": "".join(f"rc-fraud-detection-{name}\tarn:aws:sagemaker:ap-southeast-1:123456789012:endpoint/rc-fraud-detection-{name}\n"
                          for name in ("fraud-ep", "scratch", "churn-ep"))}, {
        "match": r"list-tags .*endpoint/rc-fraud-detection-scratch ", "stdout": "dev\tNone\n"}, {
        "match": r"list-tags ", "stdout": "dev\tsmgen\n"}, {
        "match": r"describe-endpoint --endpoint-name rc-fraud-detection-scratch ", "stdout": "variant-1\tvariant-2\n"}, {
        "match": r"describe-endpoint ", "stdout": "AllTraffic\n"}, {
        "match": r"get-metric-statistics .*Value=variant-2 ", "stdout": "None\n"}, {"match": r"get-metric-statistics", "stdout": "0.0\n"}]),
    # A notebook's endpoint whose second variant is busy is not idle.
    "cleanup-dev-endpoints-busy-variant": (["cleanup-dev-endpoints.sh", "--yes"], [IDENTITY, {
        "match": r"list-endpoints --name-contains rc-fraud-detection- ",
        "stdout": "rc-fraud-detection-scratch\tarn:aws:sagemaker:ap-southeast-1:123456789012:endpoint/rc-fraud-detection-scratch\n"}, {
        "match": r"list-tags ", "stdout": "dev\tNone\n"}, {"match": r"describe-endpoint ", "stdout": "variant-1\tvariant-2\n"}, {
        "match": r"get-metric-statistics .*Value=variant-2 ", "stdout": "42.0\n"}, {"match": r"get-metric-statistics", "stdout": "0.0\n"}]),
    # A stack whose creation failed: without --yes and a terminal, nothing changes and the command to run is printed.
    "deploy-recreate-not-confirmed": (["deploy.sh", "--only", "acme-sm-team-rc", "--no-deps"], [IDENTITY, statuses(("acme-sm-team-rc", "ROLLBACK_COMPLETE"))]),
    "deploy-recreate": (["deploy.sh", "--only", "acme-sm-team-rc", "--no-deps", "--yes"], [IDENTITY, statuses(("acme-sm-team-rc", "ROLLBACK_COMPLETE")), DEPLOYED]),
    # Stacks CloudFormation cannot update (a retained bucket in the way, a failed rollback): nothing changes.
    "deploy-blocked": (["deploy.sh", "--yes"], [IDENTITY, statuses(("acme-sm-team-rc", "UPDATE_ROLLBACK_FAILED"), ("acme-sm-project-rc-fraud-detection", "ROLLBACK_COMPLETE")), {
        "match": r"list-stack-resources --stack-name acme-sm-project-rc-fraud-detection --query .*DELETE_SKIPPED",
        "stdout": "AWS::S3::Bucket\tacme-sm-rc-fraud-detection\nAWS::ECR::Repository\tacme-sm-rc-fraud-detection/training\n"}]),
    # A stack still changing is waited for, then updated.
    "deploy-waits": (["deploy.sh", "--only", "acme-sm-team-rc", "--no-deps"], [IDENTITY, statuses(("acme-sm-team-rc", "UPDATE_IN_PROGRESS")), {
        "match": r"describe-stacks --stack-name acme-sm-team-rc --query Stacks\[0\]\.StackStatus", "stdout": "UPDATE_IN_PROGRESS\n", "times": 2}, {
        "match": r"describe-stacks --stack-name acme-sm-team-rc --query Stacks\[0\]\.StackStatus", "stdout": "UPDATE_COMPLETE\n"}, DEPLOYED],
        "design-org", {"SMGEN_POLL_SECONDS": "1"}),
    # A person left: before the users stack update deletes the IAM user, their MFA device, key, password and git credentials go.
    "deploy-user-leaves": (["deploy.sh", "--only", "acme-sm-users-04"], [IDENTITY, statuses(("acme-sm-identity", "UPDATE_COMPLETE"), ("acme-sm-users-04", "CREATE_COMPLETE")),
                                                                         *ZOE, ZOE_IN_GROUP, UP_TO_DATE, DEPLOYED]),
    # A first deploy before the models' artifacts and images are uploaded: the models stacks are skipped, the rest deployed.
    "deploy-models-missing": (["deploy.sh"], [IDENTITY, DOMAIN, missing(r"head-object --bucket acme-sm-rc-fraud-detection ", "404"),
                                              missing(r"describe-images .*--repository-name acme-sm-algo-recommendation-engine/inference ", "ImageNotFoundException"), DEPLOYED]),
    # Errors that are not "does not exist" stop every script before it changes anything.
    "deploy-access-denied": (["deploy.sh"], [IDENTITY, {"match": r"list-stacks ", "exit": 254, "stderr": DENIED.format("ListStacks")}]),
    "cleanup-access-denied": (["cleanup.sh", "--yes"], [IDENTITY, DOMAIN, {"match": r"describe-stacks --stack-name \S+ --query Stacks\[0\]\.StackStatus",
                                                                           "exit": 254, "stderr": DENIED.format("DescribeStacks")}]),
    "cleanup-user-leaves": (["cleanup.sh", "--only", "acme-sm-users-04", "--yes"], [IDENTITY, DOMAIN, COMPLETE, *ZOE, ZOE_IN_NO_GROUP, GONE,
                                                                                    missing(r"get-login-profile --user-name bob", "NoSuchEntity")]),
    # The user running cleanup is one it would delete: it stops before touching their credentials.
    "cleanup-caller-leaves": (["cleanup.sh", "--only", "acme-sm-users-04", "--yes"], [{
        "match": r"sts get-caller-identity --query Arn", "stdout": "arn:aws:iam::123456789012:user/zoe\n"}, IDENTITY, DOMAIN, COMPLETE, *ZOE]),
    # A stack alone whose dependents are deployed: nothing is deleted.
    "cleanup-only-needed": (["cleanup.sh", "--only", "acme-sm-users-04", "--yes"], [IDENTITY, DOMAIN, COMPLETE, statuses(
        ("acme-sm-users-04", "CREATE_COMPLETE"), ("acme-sm-team-rc", "UPDATE_COMPLETE"))]),
    # An error that only sounds like "not found" (an SSO token gone) is an error, not a missing stack.
    "verify-sso-token-gone": (["verify.sh"], [IDENTITY, {"match": r"describe-stacks ", "exit": 255,
                                                          "stderr": "\nError when retrieving token from sso: Token for platform does not exist\n"}]),
    # A dry run that must read what is deployed checks the account first.
    "cleanup-dev-endpoints-dry-run": (["cleanup-dev-endpoints.sh", "--dry-run"], [{"match": "sts get-caller-identity", "stdout": "999999999999\n"}]),
    # Objects that cannot be deleted (object lock, legal hold): the loop stops and names them.
    "cleanup-delete-data-locked": (["cleanup.sh", "--yes", "--delete-data"], [IDENTITY, DOMAIN, COMPLETE, {
        "match": r"list-object-versions --bucket acme-sm-rc-fraud-detection", "stdout": '{"Objects": [{"Key": "data/a.csv", "VersionId": "v1"}]}\n'}, {
        "match": r"delete-objects --bucket acme-sm-rc-fraud-detection", "stdout": "data/a.csv\tv1\tAccessDenied\n"},
        {"match": r"list-object-versions", "stdout": '{"Objects": []}\n'}]),
    # The design org with the MLOps loop: its pipelines, artifact buckets and monitoring schedule are verified too.
    "verify-mlops": (["verify.sh"], [IDENTITY, DOMAIN, COMPLETE, {"match": r"describe-(domain|user-profile|space|endpoint) ", "stdout": "InService\n"},
                                     {"match": r"describe-model-package-group ", "stdout": "Completed\n"},
                                     missing(r"describe-pipeline --pipeline-name rc-anti-money-laundering-pipeline ", "ResourceNotFound"),
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


def fake_aws_env(tmp_path, rules, extra=None):
    """The environment that puts the fake aws first on PATH, answering by `rules`; its log."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "aws"
    fake.write_text(f"#!/bin/sh\nexec {sys.executable} {pathlib.Path(__file__).parent / 'fake_aws.py'} \"$@\"\n")
    fake.chmod(0o755)
    (tmp_path / "rules.json").write_text(json.dumps(rules))
    log = tmp_path / "aws.log"
    log.write_text("")
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}", FAKE_AWS_LOG=str(log), FAKE_AWS_RULES=str(tmp_path / "rules.json"))
    env.pop("AWS_RETRY_MODE", None)
    return dict(env, **(extra or {})), log


def run_with_fake_aws(cwd, tmp_path, command, rules, extra_env=None):
    """Runs `scripts/COMMAND...` in `cwd`, as a user would (by its path: the scripts are
    executable), with the fake aws answering by `rules`; the result and the calls it logged."""
    env, log = fake_aws_env(tmp_path, rules, extra_env)
    result = subprocess.run([f"scripts/{command[0]}", *command[1:]], cwd=cwd, env=env,
                            capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    return result, log.read_text().splitlines()


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_script_scenario(rendered, tmp_path, scenario):
    command, rules, *more = SCENARIOS[scenario]
    example, extra_env = (more[0] if more else "design-org"), (more[1] if len(more) > 1 else None)
    result, logged = run_with_fake_aws(rendered[example], tmp_path, command, rules, extra_env)
    # Times (cleanup-dev-endpoints asks CloudWatch about the last N days) and the scripts'
    # scratch folder differ run to run.
    def stable(text):
        text = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "<time>", text)
        return re.sub(r"/smgen\.[A-Za-z0-9]{6}/", "/smgen.XXXXXX/", text)
    transcript = "\n".join([
        f"$ scripts/{' '.join(command)}", f"exit: {result.returncode}", "--- aws calls", *map(stable, logged),
        "--- stdout", stable(result.stdout.rstrip("\n")), "--- stderr", stable(result.stderr.rstrip("\n")), "",
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
                                      [IDENTITY, DOMAIN, {"match": r"cloudformation deploy ", "sleep": 0.3}])
    assert result.returncode == 0, result.stderr
    started, ended, most = deploy_spans(calls)
    assert set(started) == set(ended) == set(needs), "every stack deployed once"
    for stack, dependencies in needs.items():
        assert all(ended[dependency] < started[stack] for dependency in dependencies), stack
    assert 2 <= most <= 4, most
    summary = [line.split() for line in result.stdout.splitlines() if line.startswith("  acme-sm-")]
    assert sorted(summary) == sorted([stack, "created"] for stack in needs)
    assert result.stdout.rstrip().endswith(f"  {len(needs)} created")


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


def default_signals():
    """In the script's process, before it starts: SIGINT and SIGTERM as a terminal delivers
    them. A test run started in the background inherits SIGINT ignored, and a shell cannot
    trap a signal ignored when it started."""
    import signal
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def alive(pid):
    """Whether process `pid` still runs (a zombie does not)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.parametrize("concurrency,signal_name,code", [("1", "SIGTERM", 143), ("3", "SIGTERM", 143), ("3", "SIGINT", 130)])
def test_a_signal_stops_the_deploys_and_leaves_no_aws_call_running(rendered, tmp_path, concurrency, signal_name, code):
    import signal
    import time
    env, log = fake_aws_env(tmp_path, [IDENTITY, DOMAIN, {"match": r"cloudformation deploy ", "sleep": 60},
                                       {"match": r"describe-stacks --stack-name \S+ --query Stacks\[0\]\.StackStatus", "stdout": "CREATE_IN_PROGRESS\n"}])
    script = subprocess.Popen(["scripts/deploy.sh", "--concurrency", concurrency], cwd=rendered["design-org"], env=env,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              preexec_fn=default_signals)
    expected = min(int(concurrency), 4)   # the network, identity, ecr and monitoring stacks need nothing
    deadline = time.time() + 30
    while log.read_text().count("cloudformation deploy ") < expected and time.time() < deadline:
        time.sleep(0.1)
    assert log.read_text().count("cloudformation deploy ") == expected
    script.send_signal(getattr(signal, signal_name))
    stdout, stderr = script.communicate(timeout=20)
    assert script.returncode == code, stderr
    assert "starting no more stacks; stopping the deploys running" in stderr
    assert "acme-sm-network is still changing (CREATE_IN_PROGRESS); follow it with:" in stderr
    assert "aws cloudformation describe-stack-events --stack-name acme-sm-network --region ap-southeast-1" in stderr
    assert "acme-sm-domain" in stderr and "not started" in stderr, "the summary lists what was not deployed"
    time.sleep(0.5)
    pids = [int(line) for line in (tmp_path / "aws.log.pids").read_text().split()]
    assert not [pid for pid in pids if alive(pid)], "an aws call outlived deploy.sh"


@pytest.mark.parametrize("preset,seen", [(None, "standard"), ("adaptive", "adaptive")])
def test_the_cli_retries_throttled_calls_itself(rendered, tmp_path, preset, seen):
    """AWS_RETRY_MODE is `standard` for every call unless the user chose a mode."""
    env, _ = fake_aws_env(tmp_path, [IDENTITY], {"AWS_RETRY_MODE": preset} if preset else None)
    wrapper = tmp_path / "bin" / "aws"
    wrapper.write_text(f'#!/bin/sh\necho "$AWS_RETRY_MODE" >> {tmp_path}/retry-modes\n' + wrapper.read_text().split("\n", 1)[1])
    subprocess.run(["scripts/verify.sh"], cwd=rendered["design-org"], env=env, capture_output=True, timeout=60)
    assert set((tmp_path / "retry-modes").read_text().split()) == {seen}


def test_a_signal_stops_cleanup_and_the_aws_call_it_waits_for(rendered, tmp_path):
    import signal
    import time
    env, log = fake_aws_env(tmp_path, [IDENTITY, DOMAIN, COMPLETE, {"match": r"cloudformation wait stack-delete-complete ", "sleep": 60}])
    script = subprocess.Popen(["scripts/cleanup.sh", "--yes"], cwd=rendered["design-org"], env=env,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              preexec_fn=default_signals)
    deadline = time.time() + 30
    while "wait stack-delete-complete" not in log.read_text() and time.time() < deadline:
        time.sleep(0.1)
    script.send_signal(signal.SIGTERM)
    _, stderr = script.communicate(timeout=20)
    assert script.returncode == 143, stderr
    assert "terminated: stopped. CloudFormation goes on with a stack operation already started" in stderr
    assert log.read_text().count("delete-stack ") == 1, "nothing was deleted after the signal"
    time.sleep(0.5)
    pids = [int(line) for line in (tmp_path / "aws.log.pids").read_text().split()]
    assert not [pid for pid in pids if alive(pid)], "an aws call outlived cleanup.sh"
