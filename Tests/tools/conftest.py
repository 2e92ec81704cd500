"""Shared fixtures of the tool tests: the smgen binary and the repository root."""
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def policy_parts(environment, base):
    """The files of a managed policy: `<base>.json`, then `<base>-2.json`... when it is split."""
    return [environment / "policies" / f"{base}.json"] + sorted((environment / "policies").glob(f"{base}-[0-9].json"))


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
