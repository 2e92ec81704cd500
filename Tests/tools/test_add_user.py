"""Adding one user to a project changes only that user's lines (plus the manifest's digests):
no line of any other user or resource moves, so a pull request shows just the new person."""
import difflib
import re

from conftest import ROOT


def render(smgen, config_text, directory):
    directory.mkdir()
    (directory / "smgen.yaml").write_text(config_text)
    smgen("render", "-c", str(directory / "smgen.yaml"), "-o", str(directory / "out"))
    return {str(p.relative_to(directory / "out")): p.read_text().splitlines() for p in (directory / "out").rglob("*") if p.is_file()}


def test_adding_a_user_changes_only_their_lines(smgen, tmp_path):
    config = (ROOT / "examples/design-org.yaml").read_text()
    grown = config.replace("  frank: {}\n", "  frank: {}\n  zoe: {}\n").replace("members: [alice, bob]", "members: [alice, bob, zoe]")
    assert grown != config
    before = render(smgen, config, tmp_path / "before")
    after = render(smgen, grown, tmp_path / "after")
    # zoe lands in the users stack her name hashes to; it may be new (then it holds only her).
    added = set(after) - set(before)
    assert set(before) <= set(after) and all(re.fullmatch(r"dev/stacks/acme-sm-users-\d\d\.yaml", p) for p in added), added
    users_stacks = [p for p in after if re.fullmatch(r"dev/stacks/acme-sm-users-\d\d\.yaml", p) and "UserName: zoe" in "\n".join(after[p])]
    assert len(users_stacks) == 1
    for path in added:
        before[path] = []

    changed = set()
    for path in sorted(before):
        if before[path] == after[path]:
            continue
        changed.add(path)
        if path.endswith("manifest.json"):
            continue
        matcher = difflib.SequenceMatcher(a=before[path], b=after[path], autojunk=False)
        zoe_stack = users_stacks[0].split("/")[-1][: -len(".yaml")]
        for tag, a0, a1, b0, b1 in matcher.get_opcodes():
            if tag == "replace" and path.endswith(("scripts/deploy.sh", "scripts/cleanup.sh")):
                # A new users stack becomes a dependency of zoe's team and project: the records
                # (deploy.sh's stack|template|dependencies|large, cleanup.sh's stack|dependencies)
                # differ by exactly that dependency.
                field = 2 if path.endswith("deploy.sh") else 1
                for old, new in zip(before[path][a0:a1], after[path][b0:b1]):
                    old_deps, new_deps = old.split("|")[field].split(","), new.split("|")[field].split(",")
                    assert sorted(new_deps) == sorted(old_deps + [zoe_stack]), (old, new)
                continue
            assert tag in ("equal", "insert"), f"{path}: lines {a0 + 1}-{a1} were {tag}d"
            if tag == "insert":
                block = after[path][b0:b1]
                # A list item (`- zoe`) or a script's record (`user|zoe`, `space|space-rc-fraud-zoe`).
                is_list_item = len(block) == 1 and re.search(r"(^\s*- |\||-)zoe$", block[0])
                is_own_resource = re.fullmatch(r"  [A-Za-z0-9]*Zoe:", block[0]) is not None or before[path] == []
                assert is_list_item or is_own_resource, f"{path}: inserted lines not about zoe: {block}"
    assert changed == {
        "dev/manifest.json", users_stacks[0], "dev/stacks/acme-sm-team-rc.yaml",
        "dev/stacks/acme-sm-project-rc-fraud-detection.yaml", "dev/stacks/acme-sm-people-rc-fraud-detection.yaml",
        "dev/scripts/deploy.sh", "dev/scripts/verify.sh", "dev/scripts/cleanup.sh", *(["dev/README.md"] if added else []),
    }
