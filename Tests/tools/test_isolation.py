"""Project isolation, judged by moto's IAM policy engine: a user holding only project A's
member policy (policies/project-*-member.json, as rendered) can read and write A's bucket
and is denied every other project's bucket."""
import json
import pathlib

import botocore.exceptions
import pytest

from conftest import ROOT, policy_parts
from moto import client, moto_server

CONFIGS = [ROOT / "examples/design-org.yaml", ROOT / "Tests/SMGenCoreTests/Fixtures/render/many-projects/smgen.yaml"]


def denied(call):
    try:
        call()
    except botocore.exceptions.ClientError as error:
        return error.response["Error"]["Code"] in ("AccessDenied", "403")
    return False


@pytest.mark.parametrize("config", CONFIGS, ids=lambda p: p.parent.name if p.name == "smgen.yaml" else p.stem)
def test_members_reach_only_their_own_bucket(smgen, tmp_path, config):
    smgen("render", "-c", str(config), "-o", str(tmp_path))
    environment = next(tmp_path.iterdir())
    manifest = json.loads((environment / "manifest.json").read_text())
    region = manifest["environment"]["region"]
    projects = json.loads(smgen("list", "projects", "-c", str(config), "--format", "json").stdout)
    assert len(projects) >= 3

    # Three calls without credentials create an administrator; from then on moto enforces IAM.
    with moto_server(no_auth_actions=3) as url:
        iam = client("iam", url, region=region)
        iam.create_user(UserName="setup-admin")
        iam.put_user_policy(UserName="setup-admin", PolicyName="all", PolicyDocument=json.dumps(
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
        key = iam.create_access_key(UserName="setup-admin")["AccessKey"]
        admin_iam = client("iam", url, key["AccessKeyId"], key["SecretAccessKey"], region)
        admin_s3 = client("s3", url, key["AccessKeyId"], key["SecretAccessKey"], region)

        members = {}
        for project in projects:
            bucket = project["bucket"]
            if region == "us-east-1":
                admin_s3.create_bucket(Bucket=bucket)
            else:
                admin_s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": region})
            user = f"tester-{bucket}"
            admin_iam.create_user(UserName=user)
            parts = policy_parts(environment, f"project-{project['team']}-{project['project']}-member")
            for index, part in enumerate(parts):
                policy = admin_iam.create_policy(PolicyName=f"member-{bucket}-{index}", PolicyDocument=part.read_text())["Policy"]["Arn"]
                admin_iam.attach_user_policy(UserName=user, PolicyArn=policy)
            access = admin_iam.create_access_key(UserName=user)["AccessKey"]
            members[bucket] = client("s3", url, access["AccessKeyId"], access["SecretAccessKey"], region)

        for own, s3 in members.items():
            s3.put_object(Bucket=own, Key="data/train.csv", Body=b"a,b\n1,2\n")
            assert s3.get_object(Bucket=own, Key="data/train.csv")["Body"].read() == b"a,b\n1,2\n"
            assert [o["Key"] for o in s3.list_objects_v2(Bucket=own)["Contents"]] == ["data/train.csv"]
            for other in members:
                if other == own:
                    continue
                assert denied(lambda: s3.put_object(Bucket=other, Key="data/x.csv", Body=b"x")), f"{own} wrote {other}"
                assert denied(lambda: s3.get_object(Bucket=other, Key="data/train.csv")), f"{own} read {other}"
                assert denied(lambda: s3.list_objects_v2(Bucket=other)), f"{own} listed {other}"
                assert denied(lambda: s3.delete_object(Bucket=other, Key="data/train.csv")), f"{own} deleted from {other}"
