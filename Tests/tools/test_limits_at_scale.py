"""At the scale of a large org (1,000 projects in 50 teams, 4,000 users, every module on,
the MLOps loop included), every generated template and policy stays within AWS's limits,
read off the files: per template at most 500 resources, 200 outputs, 200 parameters and
1 MB, and over 51,200 bytes only with a template bucket to deploy through; per EventBridge
event pattern at most 2,048 characters; per managed policy at most 6,144 characters without
whitespace; per role at most 10,240 characters of inline policy; per user at most 10 groups
and 10 managed policies; per group and per role at most 10 managed policies; per account at
most 5,000 users, 500 groups, 5,000 roles and 5,000 customer managed policies. Everyone
reaches exactly their own project's member policy (the org has too many projects for a group
each: the members hold it themselves), and the largest template of each kind passes cfn-lint."""
import fnmatch
import json
import os
import subprocess
import sys

import pytest
import yaml

import synthetic_org
from conftest import iam_size_limit, policy_parts



class TemplateLoader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):
    """Reads CloudFormation YAML: every `!Tag value` becomes {"Tag": value}."""


TemplateLoader.add_multi_constructor("!", lambda loader, suffix, node: {"!" + suffix: (
    loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else
    loader.construct_sequence(node, deep=True) if isinstance(node, yaml.SequenceNode) else
    loader.construct_mapping(node, deep=True))})


def reference(value):
    """The logical id behind !Ref X, or the name at the end of an ARN text."""
    if isinstance(value, dict):
        if "!Ref" in value:
            return ("ref", value["!Ref"])
        value = value.get("!Sub", "")
    return ("name", str(value).rsplit("/", 1)[-1])


def test_a_1000_project_org_stays_within_every_limit(smgen, tmp_path):
    config = tmp_path / "org.yaml"
    synthetic_org.write(config, 50, 20, 4)
    text = config.read_text().replace("  monitoring: {enabled: true}", "  monitoring: {enabled: true}\n  mlops: {enabled: true}")
    config.write_text(text)
    smgen("render", "-c", str(config), "-o", str(tmp_path / "out"))
    environment = tmp_path / "out" / "dev"
    manifest = json.loads((environment / "manifest.json").read_text())
    assert manifest["environment"]["template_bucket"], "the bench config deploys through a template bucket"

    users, groups, roles, members, held, patterns, managed, inline = set(), {}, {}, {}, {}, 0, 0, 0
    stacks = sorted((environment / "stacks").glob("*.yaml"))
    assert len(stacks) > 3000
    for path in stacks:
        size = path.stat().st_size
        assert size <= 1_000_000, (path.name, size)
        template = yaml.load(path.read_text(), Loader=TemplateLoader)
        resources = template["Resources"]
        assert len(resources) <= 500 and len(template.get("Outputs", {})) <= 200 and len(template.get("Parameters", {})) <= 200, path.name
        by_id = {}
        for logical, resource in resources.items():
            properties = resource.get("Properties", {})
            kind = resource["Type"]
            if kind == "AWS::IAM::User":
                users.add(properties["UserName"])
                members.setdefault(properties["UserName"], set()).update(reference(g)[1] for g in properties.get("Groups", []))
                held.setdefault(properties["UserName"], set()).update(reference(a)[1] for a in properties.get("ManagedPolicyArns", []))
            elif kind == "AWS::IAM::Group":
                by_id[logical] = properties["GroupName"]
                groups.setdefault(properties["GroupName"], set()).update(reference(a)[1] for a in properties.get("ManagedPolicyArns", []))
            elif kind == "AWS::Events::Rule" and "EventPattern" in properties:
                assert len(json.dumps(properties["EventPattern"], separators=(",", ":"))) <= 2048, (path.name, logical)
                patterns += 1
            elif kind == "AWS::IAM::Role":
                by_id[logical] = properties["RoleName"]
                roles.setdefault(properties["RoleName"], set()).update(reference(a)[1] for a in properties.get("ManagedPolicyArns", []))
                inline_size = sum(len(json.dumps(policy["PolicyDocument"], separators=(",", ":"))) for policy in properties.get("Policies", []))
                assert inline_size <= 10_240, (path.name, logical)
                inline += 1 if inline_size else 0
        for logical, resource in resources.items():
            properties = resource.get("Properties", {})
            if resource["Type"] == "AWS::IAM::ManagedPolicy":
                managed += 1
                for user in properties.get("Users", []):
                    held.setdefault(user, set()).add(properties["ManagedPolicyName"])
                for key, table in (("Groups", groups), ("Roles", roles)):
                    for target in properties.get(key, []):
                        kind, name = reference(target)
                        table.setdefault(by_id[name] if kind == "ref" else name, set()).add(properties["ManagedPolicyName"])
            elif resource["Type"] == "AWS::IAM::UserToGroupAddition":
                kind, group = reference(properties["GroupName"])
                for user in properties["Users"]:
                    members.setdefault(user, set()).add(by_id[group] if kind == "ref" else group)
    # cfn-lint on the largest template of each kind of stack (the word after `-sm-`): the
    # users shards, the team and project stacks of a 1,000-project org, and the others.
    largest = {}
    for path in stacks:
        kind = path.stem.split("-sm-", 1)[1].split("-")[0]
        if kind not in largest or path.stat().st_size > largest[kind].stat().st_size:
            largest[kind] = path
    assert {"users", "team", "project", "people", "mlops", "monitoring"} <= set(largest)
    lint = os.path.join(os.path.dirname(sys.executable), "cfn-lint")
    result = subprocess.run([lint, "--format", "parseable", "--regions", "us-west-2", "--", *map(str, largest.values())], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    listed = {stack["file"]: stack["needs_template_bucket"] for stack in manifest["stacks"]}
    for path in stacks:
        assert listed[f"stacks/{path.name}"] == (path.stat().st_size > 51_200), path.name

    assert patterns > 1000, "the walk read the event rules (monitoring's and each project's)"
    assert len(users) == 4001 and len(users) <= 5000
    assert len(groups) <= 500 and len(roles) <= 5000 and managed <= 5000, (len(groups), len(roles), managed)
    assert len(groups) > 50 and inline >= 4000 and managed > 3000, "the walk read the groups, the roles' inline policies and the managed policies"
    for user, user_groups in members.items():
        assert len(user_groups) <= 10, (user, len(user_groups))
    for user in users:
        assert len(held.get(user, ())) <= 10, (user, len(held[user]))
        # synthetic_org names the members of project proj-P of team tT `uTxPxN`.
        own = {f"bench-sm-t{t}-proj-{p}-member" for t, p in [user[1:].split("x")[:2]]} if user.startswith("u") else set()
        reached = {policy for policy in held.get(user, ()) if policy.endswith("-member")}
        reached |= {policy for group in members.get(user, ()) for policy in groups.get(group, ()) if policy.endswith("-member")}
        assert reached == own, user
    for group, policies in groups.items():
        assert len(policies) <= 10, (group, len(policies))
    for role, policies in roles.items():
        assert len(policies) <= 10, (role, len(policies))
    # The standalone files, sized with the account and region filled in.
    for path in (environment / "policies").glob("*.json"):
        document = json.loads(path.read_text())
        size = len(json.dumps(document, separators=(",", ":"), ensure_ascii=False))
        assert size <= iam_size_limit(path) or path.name.endswith("bucket.json"), (path.name, size)


def one_team_org(users, projects):
    """A config of one environment and one team `ds`: `users` and `projects` are the YAML lines
    under `users:` and the team's `projects:`."""
    return f"""version: 1
org: {{company: acme}}
environments:
  dev:
    account: "111122223333"
    region: us-east-1
    vpc: {{id: vpc-0123abcd, cidr: 10.0.0.0/16, subnets: [subnet-0123abcd, subnet-4567ef01]}}
    template_bucket: acme-cfn-templates
users:
{users}
teams:
  ds:
    projects:
{projects}
"""


def large_project_config(members):
    """One project with `members` people: more than one people stack holds (250)."""
    names = [f"u{n:04d}" for n in range(members)]
    return one_team_org("\n".join(f"  {name}: {{}}" for name in names), f"      churn:\n        members: [{', '.join(names)}]")


def rendered_stacks(smgen, directory, config, kind):
    """Renders `config` in `directory` and returns the text of its `kind` stacks (people,
    models), by file name."""
    directory.mkdir()
    (directory / "smgen.yaml").write_text(config)
    smgen("render", "-c", str(directory / "smgen.yaml"), "-o", str(directory / "out"))
    return {path.name: path.read_text() for path in (directory / "out/dev/stacks").glob(f"acme-sm-{kind}-*.yaml")}


def people_stacks(smgen, directory, members):
    return rendered_stacks(smgen, directory, large_project_config(members), "people")


@pytest.mark.parametrize("members", [300, 4500], ids=["300-split-by-shard", "4500-shards-split-in-parts"])
def test_a_project_too_large_for_one_people_stack_is_split_by_user_and_stays_split(smgen, tmp_path, members):
    """Over 250 members a project's people go into one stack per user shard; a shard of over
    250 of them (a project of thousands) into one stack per part of that shard."""
    before = people_stacks(smgen, tmp_path / "before", members)
    assert len(before) > 1 and "acme-sm-people-ds-churn.yaml" not in before
    owners = {}
    for name, text in before.items():
        template = yaml.load(text, Loader=TemplateLoader)
        assert len(template["Resources"]) <= 500, name
        for resource in template["Resources"].values():
            if resource["Type"] == "AWS::SageMaker::UserProfile":
                owner = resource["Properties"]["UserProfileName"].removeprefix("profile-ds-churn-")
                assert owner not in owners, owner
                owners[owner] = name
    assert sorted(owners) == [f"u{n:04d}" for n in range(members)], "every member has exactly one profile"
    # One more member: only the stack the new name hashes to changes.
    after = people_stacks(smgen, tmp_path / "after", members + 1)
    changed = {name for name in after if before.get(name) != after[name]}
    assert len(changed) == 1 and f"u{members:04d}" in after[changed.pop()]


def many_models_config(models):
    """One project with `models` endpoints, each with every option on (instances with
    autoscaling, Model Monitor, the monitoring module's log group and alarms)."""
    lines = "\n".join(f"          m{n:03d}: {{version: 1, instance_type: ml.m5.large, image: \"111122223333.dkr.ecr.us-east-1.amazonaws.com/m:1\", "
                      f"autoscaling: {{min: 1, max: 2, target_invocations: 70}}, monitor: true}}" for n in range(models))
    return one_team_org("  alice: {}", f"      churn:\n        members: [alice]\n        models:\n{lines}").replace(
        "users:\n", "modules:\n  model_registry: {enabled: true}\n  monitoring: {enabled: true}\n  mlops: {enabled: true}\nusers:\n", 1)


def models_stacks(smgen, directory, models):
    return rendered_stacks(smgen, directory, many_models_config(models), "models")


def test_a_project_with_more_models_than_one_stack_holds_is_split_by_model_and_stays_split(smgen, tmp_path):
    """33 models with every option on fit one stack (15 resources each); 34 go into one stack
    per model shard, each model's resources in one of them, and one more model changes one."""
    one = models_stacks(smgen, tmp_path / "one", 33)
    assert list(one) == ["acme-sm-models-ds-churn.yaml"]
    resources = yaml.load(one["acme-sm-models-ds-churn.yaml"], Loader=TemplateLoader)["Resources"]
    assert len(resources) == 33 * 15, "a model with every option on brings ModelsSplit.maxResourcesPerModel resources"
    before = models_stacks(smgen, tmp_path / "before", 34)
    assert len(before) > 1 and "acme-sm-models-ds-churn.yaml" not in before
    homes = {}
    for name, text in before.items():
        template = yaml.load(text, Loader=TemplateLoader)
        assert len(template["Resources"]) <= 500 and len(template.get("Outputs", {})) <= 200, name
        for resource in template["Resources"].values():
            if resource["Type"] == "AWS::SageMaker::Endpoint":
                endpoint = resource["Properties"]["EndpointName"]
                assert endpoint not in homes, endpoint
                homes[endpoint] = name
    assert sorted(homes) == [f"ds-churn-m{n:03d}-ep" for n in range(34)], "every model has exactly one endpoint"
    # One more model: only the stack its name hashes to changes.
    after = models_stacks(smgen, tmp_path / "after", 35)
    changed = {name for name in after if before.get(name) != after[name]}
    assert len(changed) == 1 and "m034" in after[changed.pop()]


def one_team_config(projects, members, renamed):
    """One team of `projects` projects of `members` people each; with `renamed`, every name one
    SageMaker names cannot hold (`first.last`, `first_last@corp`); two with a comma, which tags
    cannot hold, either way."""
    people = [[(f"first{p:03d}.last{m:02d}" if m % 2 else f"first{p:03d}_last{m:02d}@corp") if renamed else f"u{p:03d}x{m:02d}"
               for m in range(members)] for p in range(projects)]
    people[0][0], people[1][-1] = "lee,kim", "ng,ho.x"
    users = "\n".join(f'  "{name}": {{}}' for project in people for name in project)
    project_lines = "\n".join(f"      p{p:03d}:\n        members: [{', '.join(repr(name) for name in project)}]" for p, project in enumerate(people))
    return one_team_org(users, project_lines), people


def allows(statement, user, arn, tags):
    """Whether an Allow statement of CreatePresignedDomainUrl lets `user` open the profile `arn`
    tagged `tags` (IAM's `*` wildcards, `${aws:username}`, StringEquals on aws:username and
    sagemaker:ResourceTag/KEY: all the team policy uses)."""
    if statement["Effect"] != "Allow" or "sagemaker:CreatePresignedDomainUrl" not in ([statement["Action"]] if isinstance(statement["Action"], str) else statement["Action"]):
        return False
    resources = [statement["Resource"]] if isinstance(statement["Resource"], str) else statement["Resource"]
    if not any(fnmatch.fnmatchcase(arn, pattern.replace("${aws:username}", user)) for pattern in resources):
        return False
    for operator, conditions in statement.get("Condition", {}).items():
        assert operator == "StringEquals", operator
        for key, expected in conditions.items():
            actual = user if key == "aws:username" else tags.get(key.removeprefix("sagemaker:ResourceTag/"))
            if actual != expected.replace("${aws:username}", user):
                return False
    return True


@pytest.mark.parametrize("projects, members, renamed", [(20, 16, True), (600, 1, False)], ids=["320-renamed-people", "600-projects"])
def test_a_large_team_opens_studio_through_one_team_policy_and_each_person_their_own_profiles(smgen, tmp_path, projects, members, renamed):
    """A team policy listing every project's profile, or a statement per person SageMaker
    renames, would need more managed policies than IAM attaches to a group (10)."""
    text, people = one_team_config(projects, members, renamed)
    (tmp_path / "smgen.yaml").write_text(text)
    smgen("render", "-c", str(tmp_path / "smgen.yaml"), "-o", str(tmp_path / "out"))
    environment = tmp_path / "out" / "dev"
    parts = policy_parts(environment, "team-ds")
    assert len(parts) == 1
    statements = [s for part in parts for s in json.loads(part.read_text())["Statement"]]
    profiles = {}
    for path in (environment / "stacks").glob("acme-sm-people-*.yaml"):
        for resource in yaml.load(path.read_text(), Loader=TemplateLoader)["Resources"].values():
            if resource["Type"] == "AWS::SageMaker::UserProfile":
                properties = resource["Properties"]
                arn = f"arn:aws:sagemaker:us-east-1:111122223333:user-profile/{{{{import:acme-sm-domain-DomainId}}}}/{properties['UserProfileName']}"
                profiles[arn] = {tag["Key"]: tag["Value"] for tag in properties["Tags"]}
    assert len(profiles) == projects * members
    for user in sorted({name for project in people for name in project}):
        opened = {arn for arn, tags in profiles.items() if any(allows(s, user, arn, tags) for s in statements)}
        own = {arn for arn, tags in profiles.items() if tags["Owner"] == user.replace(",", "_")}
        assert opened == own and len(own) == sum(project.count(user) for project in people), user
