"""Every project policy (member, execution role, deployer, invoker) reaches its own project's
resources and none of another project's, checked by matching each Allow statement's
resource patterns the way IAM does against sample ARNs of every project: buckets, objects,
SageMaker jobs, models, endpoints, model package groups, Studio profiles and spaces, ECR
repositories and log streams. Wildcard resources only for actions without resource-level
permissions."""
import fnmatch
import json
import re

import pytest
import yaml

from conftest import ROOT, iam_size_limit, policy_parts

CONFIGS = [ROOT / "examples/design-org.yaml", ROOT / "Tests/SMGenCoreTests/Fixtures/render/all-modules/smgen.yaml",
           ROOT / "Tests/SMGenCoreTests/Fixtures/render/many-projects/smgen.yaml",
           ROOT / "examples/design-org-mlops.yaml", ROOT / "Tests/SMGenCoreTests/Fixtures/render/mlops/smgen.yaml", ROOT / "Tests/SMGenCoreTests/Fixtures/render/mlops-git/smgen.yaml"]
# Calls that have no resource-level permissions, so "*" is the only resource IAM accepts.
UNSCOPED = re.compile(r"^(sagemaker:List\w+|ecr:GetAuthorizationToken|ec2:Describe\w+|s3:ListAllMyBuckets|cloudwatch:PutMetricData)$")


def samples(project, env, company):
    """ARNs of resources that belong to `project` (a row of `smgen list projects --format json`)."""
    team, pid, short = project["team"], project["project"], project["short"]
    region, account = env["region"], env["account"]
    sm = f"arn:aws:sagemaker:{region}:{account}"
    prefix = f"{team}-{pid}"
    return {
        "bucket": f"arn:aws:s3:::{project['bucket']}",
        "object": f"arn:aws:s3:::{project['bucket']}/data/train.csv",
        "training-job": f"{sm}:training-job/{prefix}-train-1",
        "processing-job": f"{sm}:processing-job/{prefix}-prep-1",
        "model": f"{sm}:model/{prefix}-m-v1",
        "endpoint": f"{sm}:endpoint/{prefix}-m-ep",
        "model-package-group": f"{sm}:model-package-group/{prefix}",
        "model-package": f"{sm}:model-package/{prefix}/1",
        "profile": f"{sm}:user-profile/d-test/profile-{team}-{short}-someone",
        "space": f"{sm}:space/d-test/space-{team}-{short}-someone",
        "repository": f"arn:aws:ecr:{region}:{account}:repository/{company}-sm-{team}-{pid}/training",
        "log-stream": f"arn:aws:logs:{region}:{account}:log-group:/aws/sagemaker/TrainingJobs:log-stream:{prefix}-train-1/algo-1",
        "execution-role": f"arn:aws:iam::{account}:role/{project['execution_role']}",
        "pipeline": f"{sm}:pipeline/{prefix}-pipeline",
        "pipeline-execution": f"{sm}:pipeline/{prefix}-pipeline/execution/0a1b2c3d4e5f",
        "code": f"arn:aws:s3:::{project['bucket']}/code/preprocess.py",
        "artifact": f"arn:aws:s3:::{company}-sm-{team}-{pid}-cicd/source/source.zip",
        "build": f"arn:aws:codebuild:{region}:{account}:project/{prefix}-build",
        "delivery": f"arn:aws:codepipeline:{region}:{account}:{prefix}-delivery",
        "monitoring-schedule": f"{sm}:monitoring-schedule/{prefix}-scorer-ms",
        "retraining-topic": f"arn:aws:sns:{region}:{account}:{company}-sm-{team}-{pid}-retraining",
    }


def project_policy(environment, project, kind):
    """A project policy's documents, all its parts."""
    return [json.loads(p.read_text()) for p in policy_parts(environment, f"project-{project['team']}-{project['project']}-{kind}")]


def test_every_managed_policy_fits_iam_limits(smgen, tmp_path):
    """IAM counts a policy's characters without whitespace: at most 6,144 in a managed policy,
    10,240 inline in a role."""
    for config in CONFIGS + [ROOT / "Tests/SMGenCoreTests/Fixtures/render/names-at-limits/smgen.yaml"]:
        out = tmp_path / config.parent.name
        smgen("render", "-c", str(config), "-o", str(out))
        for path in out.glob("*/policies/*.json"):
            if path.name.endswith("-bucket.json"):
                continue
            size = len(json.dumps(json.loads(path.read_text()), separators=(",", ":"), ensure_ascii=False))
            assert size <= iam_size_limit(path), (path.name, size)


def allowed(statements, arn):
    """Statements whose resource patterns match `arn` (IAM's `*` and `?` globbing)."""
    return [s for s in statements if any(fnmatch.fnmatchcase(arn, pattern) for pattern in resources(s))]


def reaches(statements, arn):
    """Statements that grant `arn` itself, not through a `*` every account resource matches."""
    return [s for s in allowed(statements, arn) if "*" not in resources(s)]


def resources(statement):
    value = statement["Resource"]
    patterns = value if isinstance(value, list) else [value]
    return [re.sub(r"\{\{import:[^}]*DomainId\}\}", "d-test", p) for p in patterns]


@pytest.mark.parametrize("config", CONFIGS, ids=lambda p: p.parent.name if p.name == "smgen.yaml" else p.stem)
def test_project_policies_stay_inside_their_project(smgen, tmp_path, config):
    smgen("render", "-c", str(config), "-o", str(tmp_path))
    environment = next(tmp_path.iterdir())
    manifest = json.loads((environment / "manifest.json").read_text())
    env = manifest["environment"]
    company = manifest["stacks"][0]["name"].split("-sm-")[0]
    projects = json.loads(smgen("list", "projects", "-c", str(config), "--format", "json").stdout)
    module = (yaml.safe_load(config.read_text()).get("modules") or {}).get("mlops") or {}
    mlops, source = module.get("enabled", False), module.get("source", "s3")
    for project in projects:
        own = samples(project, env, company)
        kinds = ("member", "execution-role", "deployer", "invoker") + (("build", "delivery") if mlops else ())
        monitored = (environment / "policies" / f"project-{project['team']}-{project['project']}-retrain.json").exists()
        kinds += ("retrain",) if monitored else ()
        for kind in kinds:
            statements = [s for part in project_policy(environment, project, kind) for s in part["Statement"] if s["Effect"] == "Allow"]
            for statement in statements:
                actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
                assert not any(a.endswith(":*") or a == "*" for a in actions), (kind, statement["Sid"])
                if "*" in resources(statement):
                    assert all(UNSCOPED.match(a) for a in actions), (kind, statement["Sid"], actions)
                    if "cloudwatch:PutMetricData" in actions:
                        assert "cloudwatch:namespace" in json.dumps(statement.get("Condition", {})), "metrics only in Model Monitor's namespace"
            for other in projects:
                if other is project:
                    continue
                for resource_kind, arn in samples(other, env, company).items():
                    hits = [s["Sid"] for s in allowed(statements, arn) if "*" not in resources(s)]
                    assert not hits, f"{kind} policy of {project['project']} reaches {other['project']}'s {resource_kind}: {hits}"
            if kind == "invoker":
                assert reaches(statements, own["endpoint"])
            elif kind == "build":
                assert reaches(statements, own["code"]) and reaches(statements, own["pipeline"]) and reaches(statements, own["artifact"])
            elif kind == "retrain":
                assert reaches(statements, own["pipeline"]) and reaches(statements, own["retraining-topic"])
            elif kind == "delivery":
                assert reaches(statements, own["artifact"]) and reaches(statements, own["build"])
            elif kind == "deployer":
                assert reaches(statements, own["model"]) and reaches(statements, own["execution-role"])
            else:
                for resource_kind in ("bucket", "object", "training-job", "processing-job", "endpoint", "model-package-group", "log-stream"):
                    assert reaches(statements, own[resource_kind]), (kind, resource_kind)
                if kind == "member" and mlops:
                    own_cicd = ("pipeline", "pipeline-execution", "delivery", "build") + (("artifact",) if source == "s3" else ())
                    for resource_kind in own_cicd:
                        assert reaches(statements, own[resource_kind]), (kind, resource_kind)
                    if source == "git":
                        assert not reaches(statements, own["artifact"]), "members push to git; the artifacts are the pipeline's"
