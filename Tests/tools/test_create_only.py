"""The replacement rules `smgen diff` uses come from the CloudFormation resource schemas
cfn-lint ships, through Tests/tools/generate_create_only.py: the committed Swift file must
be exactly what the generator writes from the pinned cfn-lint."""
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent


def test_the_committed_create_only_properties_are_generated_from_the_schemas():
    result = subprocess.run([sys.executable, str(HERE / "generate_create_only.py"), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
