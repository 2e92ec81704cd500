"""The render never loses the previous output: under injected system-call errors, signals,
kills at random moments and a second render at the same time, `<out>/<env>` is always one
complete tree of one render, nothing of the user's is removed, and what a killed render
left behind goes at the next render. Errors are injected with strace."""
import fcntl
import hashlib
import json
import os
import pathlib
import random
import shutil
import signal
import subprocess
import time

import pytest

from conftest import ROOT
import synthetic_org

TWO_ENVIRONMENTS = ROOT / "Tests/SMGenCoreTests/Fixtures/render/two-environments/smgen.yaml"


def snapshot(folder):
    """Every entry under `folder` (files with their bytes and modes), and nothing else."""
    found = {}
    for path in sorted(pathlib.Path(folder).rglob("*")):
        key = str(path.relative_to(folder))
        if path.is_symlink():
            found[key] = ("link", os.readlink(path))
        elif path.is_dir():
            found[key] = ("folder",)
        else:
            found[key] = (path.read_bytes(), path.stat().st_mode & 0o777)
    return found


def complete(environment):
    """True when `environment` is one whole rendering: exactly the files its manifest
    lists, each with the bytes the manifest's digest names."""
    manifest = json.loads((environment / "manifest.json").read_text())
    files = {str(p.relative_to(environment)) for p in environment.rglob("*") if p.is_file()}
    if files != set(manifest["files"]) | {"manifest.json"}:
        return False
    return all(hashlib.sha256((environment / path).read_bytes()).hexdigest() == digest
               for path, digest in manifest["files"].items())


def leftovers(output):
    return sorted(p.name for p in pathlib.Path(output).iterdir() if p.name.startswith(".smgen-"))


def changed_copy(config, folder, old, new):
    """A copy of `config` in `folder` with `old` replaced by `new`."""
    text = pathlib.Path(config).read_text()
    assert old in text
    path = pathlib.Path(folder) / f"changed-{pathlib.Path(config).name}"
    path.write_text(text.replace(old, new))
    return path


def strace(*inject):
    """The strace prefix that fails the system calls `inject` names."""
    assert shutil.which("strace"), "strace must be installed (Tests/run-all.sh installs it)"
    return ["strace", "-f", "-qq", "-o", "/dev/null", "-e", "trace=renameat2,rename"] + [
        arg for spec in inject for arg in ("-e", f"inject={spec}")]


def run_smgen(prefix, *args):
    return subprocess.run([*prefix, os.environ["SMGEN_BIN"], *args], cwd=ROOT, capture_output=True, text=True)


def test_a_failed_swap_restores_every_environment(smgen, tmp_path):
    out = tmp_path / "out"
    smgen("render", "-c", str(TWO_ENVIRONMENTS), "-o", str(out))
    before = snapshot(out)
    changed = changed_copy(TWO_ENVIRONMENTS, tmp_path, "lee: {}", "lee: {}\n  sam: {}")
    # The first environment is swapped in, the second fails: the first is swapped back.
    result = run_smgen(strace("renameat2:error=EIO:when=2"), "render", "-c", str(changed), "-o", str(out))
    assert result.returncode == 2, result.stderr
    assert "cannot replace" in result.stderr and "the output is unchanged" in result.stderr, result.stderr
    assert snapshot(out) == before
    # Then the same render, undisturbed, replaces both.
    smgen("render", "-c", str(changed), "-o", str(out))
    assert snapshot(out) != before and complete(out / "dev") and complete(out / "prod")
    assert leftovers(out) == []


def test_a_file_system_that_cannot_exchange_still_gets_whole_trees(smgen, tmp_path):
    out = tmp_path / "out"
    smgen("render", "-c", str(TWO_ENVIRONMENTS), "-o", str(out))
    changed = changed_copy(TWO_ENVIRONMENTS, tmp_path, "lee: {}", "lee: {}\n  sam: {}")
    result = run_smgen(strace("renameat2:error=EINVAL"), "render", "-c", str(changed), "-o", str(out))
    assert result.returncode == 0, result.stderr
    reference = tmp_path / "reference"
    smgen("render", "-c", str(changed), "-o", str(reference))
    assert snapshot(out) == snapshot(reference)
    assert leftovers(out) == []


def test_without_exchange_a_failed_swap_still_restores_every_environment(smgen, tmp_path):
    out = tmp_path / "out"
    smgen("render", "-c", str(TWO_ENVIRONMENTS), "-o", str(out))
    before = snapshot(out)
    changed = changed_copy(TWO_ENVIRONMENTS, tmp_path, "lee: {}", "lee: {}\n  sam: {}")
    # No exchange: each environment takes three renames; the fourth, moving the second
    # environment's old tree aside, fails, and the first is swapped back by renames too.
    result = run_smgen(strace("renameat2:error=EINVAL", "rename:error=EIO:when=4"),
                       "render", "-c", str(changed), "-o", str(out))
    assert result.returncode == 2, result.stderr
    assert "cannot replace" in result.stderr and "the output is unchanged" in result.stderr, result.stderr
    assert snapshot(out) == before
    assert leftovers(out) == []


def test_a_second_render_into_the_same_output_is_refused(smgen, tmp_path):
    out = tmp_path / "out"
    smgen("render", "-c", str(TWO_ENVIRONMENTS), "-o", str(out))
    before = snapshot(out)
    folder = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)  # what a render holds while it writes
        result = smgen("render", "-c", str(TWO_ENVIRONMENTS), "-o", str(out), check=False)
        assert result.returncode == 2
        assert "another smgen render is writing into" in result.stderr, result.stderr
    finally:
        os.close(folder)
    assert snapshot(out) == before
    smgen("render", "-c", str(TWO_ENVIRONMENTS), "-o", str(out))


def test_what_killed_renders_left_is_removed(smgen, tmp_path):
    out = tmp_path / "out"
    smgen("render", "-c", str(TWO_ENVIRONMENTS), "-o", str(out))
    for name in (".smgen-new-dev-0000", ".smgen-old-prod-0000"):
        (out / name / "stacks").mkdir(parents=True)
        (out / name / "stacks" / "x.yaml").write_text("x")
    smgen("render", "-c", str(TWO_ENVIRONMENTS), "-o", str(out))
    assert leftovers(out) == []


@pytest.mark.parametrize("entry", ["folder", "empty-folder", "symlink", "symlink-to-file"])
def test_nothing_of_the_users_is_removed(smgen, tmp_path, entry):
    out = tmp_path / "out"
    smgen("render", "-c", str(TWO_ENVIRONMENTS), "-o", str(out))
    target = out / "dev" / "notes"
    if entry == "folder":
        target.mkdir()
        (target / "todo.txt").write_text("mine")
    elif entry == "empty-folder":
        (out / "dev" / "stacks" / "drafts").mkdir()
    elif entry == "symlink":
        target.symlink_to("/etc")
    else:
        (out / "dev" / "stacks" / "extra.yaml").symlink_to(out / "dev" / "manifest.json")
    before = snapshot(out)
    result = smgen("render", "-c", str(TWO_ENVIRONMENTS), "-o", str(out), check=False)
    assert result.returncode == 2
    assert "holds what smgen did not generate" in result.stderr, result.stderr
    assert snapshot(out) == before


@pytest.mark.parametrize("case, message", [
    ("file", "is a file, not a folder"),
    ("dangling", "is a symbolic link to nowhere, which does not exist"),
    ("through-file", "a part of the path is a file, not a folder"),
])
def test_an_output_path_that_cannot_be_a_folder_is_our_own_sentence(smgen, tmp_path, case, message):
    (tmp_path / "file").write_text("x")
    (tmp_path / "dangling").symlink_to("nowhere")
    output = {"file": "file", "dangling": "dangling", "through-file": "file/out"}[case]
    result = smgen("render", "-c", str(TWO_ENVIRONMENTS), "-o", str(tmp_path / output), check=False)
    assert result.returncode == 2
    assert message in result.stderr and "Error Domain" not in result.stderr, result.stderr
    assert result.stdout == ""


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    """A config large enough that a render takes a while: 300 projects of 4 people."""
    folder = tmp_path_factory.mktemp("large")
    config = folder / "smgen.yaml"
    synthetic_org.write(config, 10, 30, 4)
    return config


def wait_for_staging(output, process):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if output.exists() and leftovers(output):
            return True
        time.sleep(0.002)
    return False


@pytest.mark.parametrize("sig, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_leaves_the_old_tree_and_no_staging(smgen, tmp_path, large, sig, code):
    out = tmp_path / "out"
    smgen("render", "-c", str(large), "-o", str(out))
    before = snapshot(out)
    changed = changed_copy(large, tmp_path, "admin0: {}", "admin0: {}\n  extra: {}")
    process = subprocess.Popen([os.environ["SMGEN_BIN"], "render", "-c", str(changed), "-o", str(out)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert wait_for_staging(out, process), "the render finished before it could be interrupted"
    process.send_signal(sig)
    assert process.wait(timeout=60) == code
    assert leftovers(out) == []
    assert snapshot(out) == before


def test_kills_at_random_moments_never_leave_a_partial_tree(smgen, tmp_path, large):
    out = tmp_path / "out"
    smgen("render", "-c", str(large), "-o", str(out))
    configs = [large, changed_copy(large, tmp_path, "admin0: {}", "admin0: {}\n  extra: {}")]
    started = time.monotonic()
    smgen("render", "-c", str(configs[1]), "-o", str(out))
    duration = time.monotonic() - started
    chooser = random.Random(20261204)
    for attempt in range(12):
        process = subprocess.Popen([os.environ["SMGEN_BIN"], "render", "-c", str(configs[attempt % 2]), "-o", str(out)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(chooser.uniform(0, duration * 1.1))
        process.kill()
        process.wait()
        assert complete(out / "dev"), f"kill {attempt} left a partial tree"
    smgen("render", "-c", str(large), "-o", str(out))
    assert leftovers(out) == [] and complete(out / "dev")


def test_two_renders_at_once_never_mix(smgen, tmp_path, large):
    out = tmp_path / "out"
    smgen("render", "-c", str(large), "-o", str(out))
    changed = changed_copy(large, tmp_path, "admin0: {}", "admin0: {}\n  extra: {}")
    first = subprocess.Popen([os.environ["SMGEN_BIN"], "render", "-c", str(changed), "-o", str(out)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert wait_for_staging(out, first), "the first render finished before the second could start"
    second = smgen("render", "-c", str(large), "-o", str(out), check=False)
    assert first.wait(timeout=60) == 0
    assert second.returncode == 2 and "another smgen render is writing into" in second.stderr, second.stderr
    reference = tmp_path / "reference"
    smgen("render", "-c", str(changed), "-o", str(reference))
    assert snapshot(out) == snapshot(reference) and leftovers(out) == []
