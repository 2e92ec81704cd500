"""cfn-lint on every generated template: the committed output/, every golden tree, and fresh
renders of the example configs, each against the region its environment deploys to (from the
environment's manifest). Zero findings (errors, and warnings too: none is kept)."""
import collections
import json
import os
import subprocess
import sys

from conftest import ROOT


def test_every_template_passes_cfn_lint_in_its_region(smgen, tmp_path):
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        smgen("render", "-c", str(example), "-o", str(tmp_path / example.stem))
    environments = (list((ROOT / "output").glob("*/manifest.json"))
                    + list((ROOT / "Tests/SMGenCoreTests/Fixtures/render").glob("*/expected/*/manifest.json"))
                    + list(tmp_path.glob("*/*/manifest.json")))
    by_region = collections.defaultdict(list)
    for manifest in environments:
        region = json.loads(manifest.read_text())["environment"]["region"]
        by_region[region] += sorted(str(p) for p in (manifest.parent / "stacks").glob("*.yaml"))
    assert sum(len(templates) for templates in by_region.values()) > 40
    lint = os.path.join(os.path.dirname(sys.executable), "cfn-lint")
    for region, templates in sorted(by_region.items()):
        result = subprocess.run([lint, "--format", "parseable", "--regions", region, "--", *templates], capture_output=True, text=True)
        assert result.returncode == 0, f"{region}:\n{result.stdout}{result.stderr}"
