"""Robustness: mutated configs (lines deleted or duplicated, scalars swapped for other
types, unicode, huge values, random bytes) never crash smgen: `validate` and `render` exit
0 or 2, and a 2 always comes with a FILE:LINE:COLUMN diagnostic. Seeded, so every run
tries the same configs."""
import random
import re
import subprocess

from conftest import ROOT

SEEDS = range(250)
REPLACEMENTS = ["", "~", "null", "yes", "0", "-1", "99999999999999999999999", "1e309", ".nan", "[]", "{}", "[a, [b]]",
                "'quoted'", "\"\\u2028x\"", "日本語", "🎉", "a" * 300, "*undefined", "&anchor x", "!Ref x", "|\n  block",
                "$(rm -rf /)", "../../etc", "\t", "{a: 1, a: 2}", "<<: {x: 1}"]


def mutate(text, rng):
    lines = text.splitlines()
    for _ in range(rng.randint(1, 4)):
        choice = rng.random()
        index = rng.randrange(len(lines))
        if choice < 0.25:
            del lines[index]
        elif choice < 0.4:
            lines.insert(index, lines[rng.randrange(len(lines))])
        elif choice < 0.85 and ":" in lines[index]:
            key, _, _ = lines[index].partition(":")
            lines[index] = f"{key}: {rng.choice(REPLACEMENTS)}"
        else:
            position = rng.randrange(len(lines[index]) + 1)
            lines[index] = lines[index][:position] + rng.choice(REPLACEMENTS) + lines[index][position:]
        if not lines:
            lines = [""]
    return "\n".join(lines) + "\n"


def test_mutated_configs_never_crash(smgen, tmp_path):
    sources = [(ROOT / "examples/design-org.yaml").read_text(), (ROOT / "examples/minimal.yaml").read_text()]
    outcomes = {0: 0, 2: 0}
    for seed in SEEDS:
        rng = random.Random(seed)
        config = tmp_path / f"fuzz-{seed}.yaml"
        data = mutate(rng.choice(sources), rng).encode()
        if seed % 25 == 0:
            data = data[: rng.randrange(len(data))] + bytes([rng.randrange(128, 256)]) + data[rng.randrange(len(data)):]
        config.write_bytes(data)
        for command in (["validate"], ["render", "-o", str(tmp_path / "out")]):
            result = smgen(*command, "-c", str(config), check=False)
            assert result.returncode in (0, 2), (seed, command, result.returncode, result.stderr[-2000:])
            if result.returncode == 2:
                assert re.search(r"^\S+:\d+:\d+: error: ", result.stderr, re.M), (seed, result.stderr)
            outcomes[result.returncode] += 1
    assert outcomes[0] > 10 and outcomes[2] > 100, outcomes
