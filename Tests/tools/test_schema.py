"""`smgen schema` is a valid JSON Schema that accepts the example configs and rejects broken ones."""
import json
import pathlib

import jsonschema
import pytest
import yaml

from conftest import ROOT

INVALID = ROOT / "Tests/SMGenCoreTests/Fixtures/invalid"
VALID = sorted((ROOT / "examples").glob("*.yaml")) + [ROOT / "templates/init.yaml"]
# Broken configs whose fault is one of shape (the schema's job); the others break rules
# that relate keys to each other, which only `smgen validate` checks.
SCHEMA_CATCHES = [
    "account-too-short", "account-unquoted", "bad-cidrs", "bad-company", "bad-project-ids", "bad-subnets",
    "bad-team-id", "injection-quotes-in-ids", "injection-user-name", "log-retention-not-allowed",
    "missing-required-keys", "model-hosting-conflicts", "org-is-a-list", "path-traversal", "region-typo",
    "reserved-and-bad-tags", "unknown-key-typo", "unknown-nested-key", "unsupported-version",
    "wrong-scalar-types", "yes-is-not-a-boolean", "newline-in-team-name",
]


@pytest.fixture(scope="module")
def validator(smgen):
    schema = json.loads(smgen("schema").stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_configs_pass(validator, path):
    errors = [e.message for e in validator.iter_errors(yaml.safe_load(path.read_text()))]
    assert errors == []


@pytest.mark.parametrize("name", SCHEMA_CATCHES)
def test_broken_configs_fail(validator, name):
    document = yaml.safe_load((INVALID / f"{name}.yaml").read_text())
    assert list(validator.iter_errors(document)), f"the schema accepts {name}.yaml"
