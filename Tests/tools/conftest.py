"""Shared fixtures of the tool tests: the smgen binary and the repository root."""
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def policy_parts(environment, base):
    """The files of a managed policy: `<base>.json`, then `<base>-2.json`... when it is split."""
    return [environment / "policies" / f"{base}.json"] + sorted((environment / "policies").glob(f"{base}-[0-9].json"))


# The standalone files of roles' own policies, inline in their roles unless split.
ROLE_POLICY_SUFFIXES = ("-execution-role", "-build", "-delivery", "-retrain", "-source-events")


def iam_size_limit(path):
    """The characters IAM holds in the policy of file `path` (whitespace not counted): 10,240
    for a role's own policy, inline; 6,144 for a managed policy, or a part of a split one."""
    split = path.with_name(f"{path.stem}-2.json").exists()
    return 10_240 if path.stem.endswith(ROLE_POLICY_SUFFIXES) and not split else 6_144


@pytest.fixture(scope="session")
def smgen():
    """Runs the built smgen (SMGEN_BIN, set by Tests/run-all.sh) and returns the CompletedProcess."""
    binary = os.environ.get("SMGEN_BIN")
    assert binary and os.access(binary, os.X_OK), "SMGEN_BIN must name the built smgen binary"

    def run(*args, check=True):
        result = subprocess.run([binary, *args], cwd=ROOT, capture_output=True, text=True)
        if check:
            assert result.returncode == 0, result.stderr
        return result

    return run
