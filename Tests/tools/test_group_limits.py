"""IAM's limits on groups and attached policies, read off the rendered templates: nobody is in
more than 10 groups or holds more than 10 managed policies, no group carries more than 10, an
account has at most 500 groups, and every person reaches exactly the member policies of their
own projects, whether through project groups, personal access groups (a person in 12
projects, for one) or, on a platform of more projects than an account has groups for, the
member policies attached to them."""
import json
import os
import re
import subprocess
import sys

import pytest
from cfnlint.decode import cfn_yaml

from conftest import ROOT

CONFIGS = [ROOT / "Tests/SMGenCoreTests/Fixtures/render/busy-user/smgen.yaml", ROOT / "examples/design-org.yaml",
           ROOT / "Tests/SMGenCoreTests/Fixtures/render/many-projects/smgen.yaml"]


def name_of(value):
    """The policy name in a `!Sub arn:...:policy/NAME` or a plain ARN."""
    text = value["Fn::Sub"] if isinstance(value, dict) else value
    return text.rsplit("/", 1)[-1]


def large_org(path):
    """Two teams of 250 projects (502 groups with a group a project, over IAM's 500), each of
    two members; `busy` is in 12 projects, `five` in 5, `four` in 4 (with the MFA policy, 4
    member policies of up to 2 parts fit IAM's 10 a user, 5 may not)."""
    projects = {team: {f"p{n}": [f"{team}{n}a", f"{team}{n}b"] for n in range(250)} for team in ("alpha", "beta")}
    for team, start, count, user in (("alpha", 0, 6, "busy"), ("beta", 0, 6, "busy"), ("alpha", 10, 5, "five"), ("beta", 20, 4, "four")):
        for n in range(start, start + count):
            projects[team][f"p{n}"].append(user)
    users = sorted({user for team in projects.values() for members in team.values() for user in members})
    lines = ["version: 1", "org: {company: big}", "environments:", "  dev:", '    account: "121212121212"', "    region: us-east-1",
             "    vpc: {id: vpc-0123abcd, cidr: 10.6.0.0/16, subnets: [subnet-0123abcd, subnet-4567abcd]}",
             "    template_bucket: big-cfn-templates", "admins: [busy]", "users:"]
    lines += [f"  {user}: {{}}" for user in users]
    lines.append("teams:")
    for team, team_projects in projects.items():
        lines += [f"  {team}:", "    projects:"] + [f"      {p}: {{members: [{', '.join(m)}]}}" for p, m in team_projects.items()]
    path.write_text("\n".join(lines) + "\n")
    return path


def check_access(smgen, config, output):
    """Renders `config`, checks the limits and that everyone reaches exactly their projects'
    member policies; returns the names of the groups, the names project groups have, and the
    people's directly held policies."""
    smgen("render", "-c", str(config), "-o", str(output))
    environment = next(output.iterdir())
    groups = {}        # group name -> set of managed policy names
    members = {}       # user -> set of group names
    held = {}          # user -> set of managed policies attached to them
    for path in sorted((environment / "stacks").glob("*.yaml")):
        resources = cfn_yaml.load(str(path))["Resources"]
        group_names = {logical: r["Properties"]["GroupName"] for logical, r in resources.items() if r["Type"] == "AWS::IAM::Group"}
        for logical, group in group_names.items():
            groups.setdefault(group, set()).update(name_of(a) for a in resources[logical]["Properties"].get("ManagedPolicyArns", []))
        for resource in resources.values():
            properties = resource.get("Properties", {})
            if resource["Type"] == "AWS::IAM::User":
                held.setdefault(properties["UserName"], set()).update(name_of(a) for a in properties.get("ManagedPolicyArns", []))
            if resource["Type"] == "AWS::IAM::ManagedPolicy":
                for ref in properties.get("Groups", []):
                    groups.setdefault(group_names[ref["Ref"]], set()).add(properties["ManagedPolicyName"])
                for user in properties.get("Users", []):
                    held.setdefault(user, set()).add(properties["ManagedPolicyName"])
            if resource["Type"] == "AWS::IAM::UserToGroupAddition":
                group = properties["GroupName"]
                group = group_names[group["Ref"]] if isinstance(group, dict) else group
                for user in properties["Users"]:
                    members.setdefault(user, set()).add(group)
    assert len(groups) <= 500, len(groups)
    for group, policies in groups.items():
        assert len(policies) <= 10, (group, len(policies))
    projects = json.loads(smgen("list", "projects", "-c", str(config), "--format", "json").stdout)
    company = json.loads((environment / "manifest.json").read_text())["stacks"][0]["name"].split("-sm-")[0]
    is_member_policy = re.compile(r"-member(-\d)?$")
    for user in held.keys() | members.keys():
        user_groups = members.get(user, set())
        assert len(user_groups) <= 10, (user, sorted(user_groups))
        assert len(held.get(user, ())) <= 10, (user, sorted(held[user]))
        reached = {p for g in user_groups for p in groups.get(g, ())} | held.get(user, set())
        reached = {re.sub(r"-\d$", "", p) for p in reached if is_member_policy.search(p)}
        expected = {f"{company}-sm-{p['team']}-{p['project']}-member" for p in projects if user in p["members"]}
        assert reached == expected, user
    return set(groups), {f"{company}-sm-{p['team']}-{p['project']}" for p in projects}, held


@pytest.mark.parametrize("config", CONFIGS, ids=lambda p: p.parent.name if p.name == "smgen.yaml" else p.stem)
def test_groups_stay_within_iam_limits_and_grant_exactly(smgen, tmp_path, config):
    groups, project_groups, _ = check_access(smgen, config, tmp_path)
    assert project_groups <= groups, "a group a project"


def test_a_platform_of_more_projects_than_an_account_has_groups_for_attaches_member_policies(smgen, tmp_path):
    groups, _, held = check_access(smgen, large_org(tmp_path / "smgen.yaml"), tmp_path / "out")
    assert groups == {"big-sm-admins", "big-sm-team-alpha", "big-sm-team-beta", "big-sm-access-busy-1", "big-sm-access-busy-2",
                      "big-sm-access-five-1"}, "no project groups; personal access groups for those who could hold too many policies"
    assert held["four"] == {"big-sm-mfa"} | {f"big-sm-beta-p{n}-member" for n in range(20, 24)}
    assert held["busy"] == held["five"] == {"big-sm-mfa"}
    assert held["alpha0a"] == {"big-sm-mfa", "big-sm-alpha-p0-member"}
    # The stacks that attach member policies to people, as cfn-lint sees them.
    stacks = tmp_path / "out/dev/stacks"
    templates = [str(stacks / "big-sm-project-alpha-p0.yaml")] + sorted(str(p) for p in stacks.glob("big-sm-access-*.yaml"))
    lint = os.path.join(os.path.dirname(sys.executable), "cfn-lint")
    result = subprocess.run([lint, "--format", "parseable", "--regions", "us-east-1", "--", *templates], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
