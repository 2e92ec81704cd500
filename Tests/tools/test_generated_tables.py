"""The tables smgen takes from the CloudFormation schemas cfn-lint ships: the replacement
rules `smgen diff` uses (generate_create_only.py) and the resource types each region lacks
(generate_region_types.py). Each committed Swift file must be exactly what its generator
writes from the pinned cfn-lint."""
import pathlib
import subprocess
import sys

import pytest

HERE = pathlib.Path(__file__).resolve().parent


@pytest.mark.parametrize("generator", ["generate_create_only.py", "generate_region_types.py"])
def test_the_committed_table_is_generated_from_the_schemas(generator):
    result = subprocess.run([sys.executable, str(HERE / generator), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
