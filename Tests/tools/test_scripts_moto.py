"""deploy.sh and cleanup.sh against moto_server, with the real aws CLI: deploy.sh (three stacks at a time)
runs to the end for the stacks moto can deploy through change sets (the network stack, and the identity
and users stacks once the IAM group resources moto skips are taken out), verify-by-API shows them, and
cleanup.sh --yes removes them again."""
import json
import os
import subprocess
import sys

from conftest import ROOT
from moto import client, moto_server
from test_moto_deploy import moto_template

REGION = "ap-southeast-1"
BASE_STACKS = ["acme-sm-network", "acme-sm-identity"]
SSH_KEY = ("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDhh6ZKDd0iNHBE2Iy6mv7zQ9Rn1ePF6Oy1XcOrMGoVOw1QXcBqD8sFhA4m4cCIY"
           "2rtVe8Z3zL4qV5hJp0gKkUJv2VNchs8TBpJdDLj3XxP1Fg3o5qr8TPG0bUBD2Kfg0y7rjfOWw1k9wgMQHfAzfP0Zt5i1B0A9kK8l5L0"
           "w3cVYRXc7v7V3yB8dKnFQZ1Bqk2d9s8B1Bd9rQ0XyQq3t8d6uXz5Xv2Rn9C2Zk8H1v9qgYw0K3gM5T0sQ2o8x6L2l9b1Q8hC1e3N7F0"
           "jV2s4Jm7Qk1Y9r5B6a3p8X0u2Z4c6V8w0n1M3 bob@example")


def aws_without_moto_gaps(directory):
    """A folder with an `aws` that answers locally the one call the scripts make that moto does
    not implement (IAM's ListServiceSpecificCredentials, a 500 there): no credentials, as a real
    account answers for a user who has none. Every other call goes to the real aws CLI."""
    directory.mkdir()
    real = os.path.join(os.path.dirname(sys.executable), "aws")
    (directory / "aws").write_text(
        "#!/bin/sh\ncase \" $* \" in *' iam list-service-specific-credentials '*) exit 0 ;; esac\n"
        f"exec {real} \"$@\"\n")
    (directory / "aws").chmod(0o755)
    return directory


def run(script, args, cwd, url):
    shim = cwd.parent / "bin" if (cwd.parent / "bin").exists() else aws_without_moto_gaps(cwd.parent / "bin")
    env = dict(os.environ, AWS_ENDPOINT_URL=url, AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test",
               PATH=f"{shim}:{os.path.dirname(sys.executable)}:{os.environ['PATH']}")
    env.pop("AWS_PROFILE", None)
    return subprocess.run([f"scripts/{script}", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=300)


def test_deploy_then_cleanup_through_moto(smgen, tmp_path):
    with moto_server() as url:
        ec2 = client("ec2", url, region=REGION)
        vpc = ec2.create_vpc(CidrBlock="10.20.0.0/16")["Vpc"]["VpcId"]
        subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.20.{i}.0/24")["Subnet"]["SubnetId"] for i in (1, 2)]
        config = (ROOT / "examples/design-org.yaml").read_text().replace("vpc-0a1b2c3d4e5f60718", vpc) \
            .replace("subnet-0aa11bb22cc33dd44", subnets[0]).replace("subnet-0ee55ff66aa77bb88", subnets[1])
        (tmp_path / "smgen.yaml").write_text(config)
        smgen("render", "-c", str(tmp_path / "smgen.yaml"), "-o", str(tmp_path / "out"))
        environment = tmp_path / "out/dev"
        manifest = json.loads((environment / "manifest.json").read_text())
        STACKS = BASE_STACKS + [s["name"] for s in manifest["stacks"] if s["name"].startswith("acme-sm-users-")]
        for stack in STACKS:
            path = environment / f"stacks/{stack}.yaml"
            template, _ = moto_template(path, "acme-sm-domain-DomainId")
            path.write_text(json.dumps(template, indent=1))

        only = [arg for stack in STACKS for arg in ("--only", stack)]
        # Three at a time: the users stacks wait for the identity stack they need.
        deployed = run("deploy.sh", [*only, "--no-deps", "--concurrency", "3"], environment, url)
        assert deployed.returncode == 0, deployed.stdout + deployed.stderr
        assert f"  {len(STACKS)} created" in deployed.stdout, deployed.stdout
        cloudformation = client("cloudformation", url, region=REGION)
        for stack in STACKS:
            assert cloudformation.describe_stacks(StackName=stack)["Stacks"][0]["StackStatus"].endswith("_COMPLETE")
        names = {g["GroupName"] for g in ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["SecurityGroups"]}
        assert {"acme-sm-studio", "acme-sm-training", "acme-sm-processing", "acme-sm-inference", "acme-sm-vpc-endpoints"} <= names
        iam = client("iam", url, region=REGION)
        assert {u["UserName"] for u in iam.list_users()["Users"]} == {"alice", "bob", "carol", "david", "erin", "frank"}

        again = run("deploy.sh", [*only, "--no-deps"], environment, url)
        assert again.returncode == 0, again.stdout + again.stderr
        assert f"  {len(STACKS)} unchanged" in again.stdout, again.stdout

        # bob set up what IAM refuses to delete a user with: cleanup removes it first.
        iam.create_access_key(UserName="bob")
        iam.create_login_profile(UserName="bob", Password="Correct-horse-battery-9")
        serial = iam.create_virtual_mfa_device(VirtualMFADeviceName="bob")["VirtualMFADevice"]["SerialNumber"]
        iam.enable_mfa_device(UserName="bob", SerialNumber=serial, AuthenticationCode1="123456", AuthenticationCode2="654321")
        iam.upload_ssh_public_key(UserName="bob", SSHPublicKeyBody=SSH_KEY)

        refused = run("cleanup.sh", only, environment, url)
        assert refused.returncode == 1 and "not confirmed" in refused.stderr

        cleaned = run("cleanup.sh", [*only, "--yes"], environment, url)
        assert cleaned.returncode == 0, cleaned.stdout + cleaned.stderr
        remaining = {s["StackName"] for s in cloudformation.list_stacks()["StackSummaries"] if s["StackStatus"] != "DELETE_COMPLETE"}
        assert not remaining & set(STACKS)
        names = {g["GroupName"] for g in ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["SecurityGroups"]}
        assert not {n for n in names if n.startswith("acme-sm-")}
        assert iam.list_users()["Users"] == []
        assert iam.list_virtual_mfa_devices()["VirtualMFADevices"] == []
        assert f"+ aws --region {REGION} iam delete-access-key --user-name bob" in cleaned.stderr
