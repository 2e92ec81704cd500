"""Deploys the rendered stacks through moto's CloudFormation, for the resource types moto
really creates (security groups and their rules, IAM users, roles and managed policies,
buckets and bucket policies), then checks with the services' own describe/list calls that
they exist with their names and settings. moto applies only some properties (it ignores a
user's ManagedPolicyArns, a bucket's versioning and bucket policies, for example); those are checked by
cfn-lint and the golden files, not here.

moto skips IAM groups and the SageMaker domain, profiles and spaces (cfn-lint and the golden
tests cover those), so before deploying each template loses those resources, the properties
that point at them, and the domain id import, which becomes a fixed stand-in."""
import ast
import json

import pytest
from cfnlint.decode import cfn_yaml

from conftest import ROOT
from moto import client, moto_server

SKIPPED_TYPES = {"AWS::IAM::Group", "AWS::IAM::UserToGroupAddition", "AWS::SageMaker::Domain",
                 "AWS::SageMaker::UserProfile", "AWS::SageMaker::Space"}
REGION = "ap-southeast-1"


def mentions(value, names):
    """True when the value refers (Ref / GetAtt / DependsOn) to one of `names`."""
    if isinstance(value, dict):
        if value.get("Ref") in names:
            return True
        target = value.get("Fn::GetAtt")
        if isinstance(target, list) and target and target[0] in names:
            return True
        return any(mentions(v, names) for v in value.values())
    if isinstance(value, list):
        return any(mentions(v, names) for v in value)
    return False


def replace_import(value, export, stand_in):
    if isinstance(value, dict):
        if value.get("Fn::ImportValue") == export:
            return stand_in
        return {k: replace_import(v, export, stand_in) for k, v in value.items()}
    if isinstance(value, list):
        return [replace_import(v, export, stand_in) for v in value]
    return value


def moto_template(path, domain_export):
    template = json.loads(json.dumps(cfn_yaml.load(str(path))))
    resources = template["Resources"]
    skipped = {name for name, r in resources.items() if r["Type"] in SKIPPED_TYPES}
    for name in skipped:
        del resources[name]
    for resource in resources.values():
        properties = resource.get("Properties", {})
        for key in [k for k, v in properties.items() if mentions(v, skipped)]:
            del properties[key]
    template["Outputs"] = {k: v for k, v in template.get("Outputs", {}).items() if not mentions(v, skipped)}
    if not template["Outputs"]:
        del template["Outputs"]
    return replace_import(template, domain_export, "d-motostandin0"), len(resources)


def deploy(cloudformation, environment, domain_export):
    """Creates every stack of the manifest, in its order, as moto can; the names deployed."""
    manifest = json.loads((environment / "manifest.json").read_text())
    deployed = []
    for stack in manifest["stacks"]:
        template, count = moto_template(environment / stack["file"], domain_export)
        if count == 0:
            continue
        cloudformation.create_stack(StackName=stack["name"], TemplateBody=json.dumps(template), Capabilities=["CAPABILITY_NAMED_IAM"])
        status = cloudformation.describe_stacks(StackName=stack["name"])["Stacks"][0]["StackStatus"]
        assert status == "CREATE_COMPLETE", (stack["name"], status)
        deployed.append(stack["name"])
    return deployed


def test_stacks_deploy_through_moto(smgen, tmp_path):
    with moto_server() as url:
        ec2 = client("ec2", url, region=REGION)
        vpc = ec2.create_vpc(CidrBlock="10.20.0.0/16")["Vpc"]["VpcId"]
        subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.20.{i}.0/24")["Subnet"]["SubnetId"] for i in (1, 2)]
        config = (ROOT / "examples/design-org.yaml").read_text()
        config = config.replace("vpc-0a1b2c3d4e5f60718", vpc).replace("subnet-0aa11bb22cc33dd44", subnets[0]) \
                       .replace("subnet-0ee55ff66aa77bb88", subnets[1])
        (tmp_path / "smgen.yaml").write_text(config)
        smgen("render", "-c", str(tmp_path / "smgen.yaml"), "-o", str(tmp_path / "out"))
        environment = tmp_path / "out/dev"
        manifest = json.loads((environment / "manifest.json").read_text())

        cloudformation = client("cloudformation", url, region=REGION)
        deployed = deploy(cloudformation, environment, "acme-sm-domain-DomainId")
        assert {"acme-sm-network", "acme-sm-identity", "acme-sm-project-rc-fraud-detection"} <= set(deployed)
        assert len([s for s in deployed if s.startswith("acme-sm-users-")]) >= 2

        groups = {g["GroupName"]: g for g in ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["SecurityGroups"]}
        for purpose in ("studio", "training", "processing", "inference", "vpc-endpoints"):
            assert f"acme-sm-{purpose}" in groups
        training = groups["acme-sm-training"]
        assert {(p.get("FromPort"), r["CidrIp"]) for p in training["IpPermissions"] for r in p.get("IpRanges", [])} == {(443, "10.20.0.0/16")}
        assert any(pair["GroupId"] == training["GroupId"] for p in training["IpPermissions"] for pair in p.get("UserIdGroupPairs", []))
        exports = {e["Name"]: e["Value"] for e in cloudformation.list_exports()["Exports"]}
        assert exports["acme-sm-network-TrainingSecurityGroupId"] == training["GroupId"]

        iam = client("iam", url, region=REGION)
        users = {u["UserName"] for u in iam.list_users()["Users"]}
        assert users == {"alice", "bob", "carol", "david", "erin", "frank"}
        mfa = iam.get_policy(PolicyArn="arn:aws:iam::123456789012:policy/acme-sm-mfa")["Policy"]
        document = iam.get_policy_version(PolicyArn=mfa["Arn"], VersionId=mfa["DefaultVersionId"])["PolicyVersion"]["Document"]
        if isinstance(document, str):
            document = json.loads(document)
        assert document == json.loads((environment / "policies/mfa.json").read_text())
        policies = {p["PolicyName"] for p in iam.list_policies(Scope="Local")["Policies"]}
        assert {"acme-sm-mfa", "acme-sm-admins", "acme-sm-team-rc", "acme-sm-rc-fraud-detection-member"} <= policies
        role = iam.get_role(RoleName="SageMaker-rc-fraud-ExecutionRole")["Role"]
        assert role["AssumeRolePolicyDocument"]["Statement"][0]["Principal"] == {"Service": "sagemaker.amazonaws.com"}
        # The execution role's policy (over the 6,144 characters of a managed policy) is inline, whole.
        assert iam.list_attached_role_policies(RoleName=role["RoleName"])["AttachedPolicies"] == []
        assert iam.list_role_policies(RoleName=role["RoleName"])["PolicyNames"] == ["acme-sm-rc-fraud-detection-execution"]
        inline = iam.get_role_policy(RoleName=role["RoleName"], PolicyName="acme-sm-rc-fraud-detection-execution")["PolicyDocument"]
        if isinstance(inline, str):
            # moto keeps the inline policy of a role CloudFormation made as Python's repr of it.
            inline = ast.literal_eval(inline)
        expected = json.loads((environment / "policies/project-rc-fraud-detection-execution-role.json").read_text())
        assert [s["Sid"] for s in inline["Statement"]] == [s["Sid"] for s in expected["Statement"]]
        assert len(json.dumps(expected, separators=(",", ":"))) > 6144

        s3 = client("s3", url, region=REGION)
        buckets = {b["Name"] for b in s3.list_buckets()["Buckets"]}
        assert buckets == {"acme-sm-rc-fraud-detection", "acme-sm-rc-anti-money-laundering", "acme-sm-algo-recommendation-engine"}
        for bucket in buckets:
            tags = {t["Key"]: t["Value"] for t in s3.get_bucket_tagging(Bucket=bucket)["TagSet"]}
            assert tags["CostCenter"] == "ml-platform" and tags["Team"] in ("rc", "algo")
