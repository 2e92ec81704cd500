"""cfn-lint on every generated template: the committed output/, every golden tree, and fresh
renders of the example configs. Zero findings (errors, and warnings too: none is kept)."""
import subprocess
import sys
import os

from conftest import ROOT


def test_every_template_passes_cfn_lint(smgen, tmp_path):
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        smgen("render", "-c", str(example), "-o", str(tmp_path / example.stem))
    templates = sorted(str(p) for p in list((ROOT / "output").glob("*/stacks/*.yaml"))
                       + list((ROOT / "Tests/SMGenCoreTests/Fixtures/render").glob("*/expected/*/stacks/*.yaml"))
                       + list(tmp_path.glob("*/*/stacks/*.yaml")))
    assert len(templates) > 40
    lint = os.path.join(os.path.dirname(sys.executable), "cfn-lint")
    result = subprocess.run([lint, "--format", "parseable", *templates], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
