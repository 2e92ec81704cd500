"""IAM's limits on groups, read off the rendered templates: nobody is in more than 10 groups,
no group carries more than 10 managed policies, and every person reaches exactly the member
policies of their own projects, whether through project groups or personal access groups
(a person in 12 projects, for one)."""
import json
import re

import pytest
from cfnlint.decode import cfn_yaml

from conftest import ROOT

CONFIGS = [ROOT / "Tests/SMGenCoreTests/Fixtures/render/busy-user/smgen.yaml", ROOT / "examples/design-org.yaml",
           ROOT / "Tests/SMGenCoreTests/Fixtures/render/many-projects/smgen.yaml"]


def name_of(value):
    """The policy name in a `!Sub arn:...:policy/NAME` or a plain ARN."""
    text = value["Fn::Sub"] if isinstance(value, dict) else value
    return text.rsplit("/", 1)[-1]


@pytest.mark.parametrize("config", CONFIGS, ids=lambda p: p.parent.name if p.name == "smgen.yaml" else p.stem)
def test_groups_stay_within_iam_limits_and_grant_exactly(smgen, tmp_path, config):
    smgen("render", "-c", str(config), "-o", str(tmp_path))
    environment = next(tmp_path.iterdir())
    groups = {}        # group name -> set of managed policy names
    members = {}       # user -> set of group names
    for path in sorted((environment / "stacks").glob("*.yaml")):
        resources = cfn_yaml.load(str(path))["Resources"]
        group_names = {logical: r["Properties"]["GroupName"] for logical, r in resources.items() if r["Type"] == "AWS::IAM::Group"}
        for logical, group in group_names.items():
            groups.setdefault(group, set()).update(name_of(a) for a in resources[logical]["Properties"].get("ManagedPolicyArns", []))
        for resource in resources.values():
            properties = resource.get("Properties", {})
            if resource["Type"] == "AWS::IAM::ManagedPolicy":
                for ref in properties.get("Groups", []):
                    groups.setdefault(group_names[ref["Ref"]], set()).add(properties["ManagedPolicyName"])
            if resource["Type"] == "AWS::IAM::UserToGroupAddition":
                group = properties["GroupName"]
                group = group_names[group["Ref"]] if isinstance(group, dict) else group
                for user in properties["Users"]:
                    members.setdefault(user, set()).add(group)
    for group, policies in groups.items():
        assert len(policies) <= 10, (group, len(policies))
    projects = json.loads(smgen("list", "projects", "-c", str(config), "--format", "json").stdout)
    company = json.loads((environment / "manifest.json").read_text())["stacks"][0]["name"].split("-sm-")[0]
    for user, user_groups in members.items():
        assert len(user_groups) <= 10, (user, sorted(user_groups))
        reached = {re.sub(r"-\d$", "", p) for g in user_groups for p in groups.get(g, ()) if p.endswith("-member") or re.search(r"-member-\d$", p)}
        expected = {f"{company}-sm-{p['team']}-{p['project']}-member" for p in projects if user in p["members"]}
        assert reached == expected, user
