#!/usr/bin/env python3
"""Benchmark: smgen (release build) against the peer of ../shared/bench/ (troposphere building
the same resources), on the same machine in the same run.

Usage: python3 Tests/bench/bench.py [--runs N] [--peer-runs N] [--sizes 1x10x4,5x20x4,50x20x4] [--out DIR]
(from anywhere; the configs come from ../shared/bench/make_config.py: teams x projects per team
x users per project). Builds smgen in release mode with the Swift runtime linked in
(`--static-swift-stdlib`, into .build-bench), installs the peer into .venv-bench
(Tests/bench/requirements.txt), then prints one markdown table: `smgen validate` and
`smgen render` (the whole tree written and swapped in) as min and median wall time over the
runs, peak RSS, the output's size, and the peer's median wall time and peak RSS with the
ratio of the medians; then each render's wall time in the order run, to show the spread.

Every render, smgen's and the peer's, writes into a folder of its own that was never used
before, and the folders are deleted only at the end: on an ext4 file system without a
journal (as on the machines here) creating files right after thousands were deleted is
several times slower for a minute or more (ext4 skips recently deleted inodes one by one),
which would measure the previous run's clean-up, not this one's work. On a memory-backed file
system (tmpfs, `--out /dev/shm`) deleting leaves nothing behind, while keeping the outputs
leaves tens of thousands of inodes in memory that slow every later file creation: there each
render's output is deleted as soon as it is measured (and its size taken first). Run as root,
the benchmark also drops the kernel's caches before each run (the table says whether it
could), so that no run pays for what earlier ones, or builds and tests before the benchmark,
left in the inode cache and the page cache; an untimed run of the same tool on 10 projects
then brings its own files back into the cache (see `run_once`).
"""
import argparse
import itertools
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "bench"
VENV = ROOT / ".venv-bench"
REQUIREMENTS = ROOT / "Tests" / "bench" / "requirements.txt"


def drop_caches(what):
    """Writes `what` to `/proc/sys/vm/drop_caches` (root only): "3" drops the page cache, the
    dentries and the inodes, "2" the dentries and inodes only. True when it could."""
    try:
        with open("/proc/sys/vm/drop_caches", "w") as control:
            control.write(what + "\n")
        return True
    except OSError:
        return False


def run_once(arguments, cwd, warm_up):
    """Wall time (s) and peak RSS (MB) of one process, measured on that process alone and from
    the same state each time: the data earlier runs wrote is flushed to disk and, where allowed,
    every cache is dropped, since what earlier runs leave slows every later one (the hundreds of
    thousands of inodes of their outputs, builds and tests slow each file creation; the page
    cache of their outputs slows each file write: ten identical renders in a row took 0.26 s of
    kernel time growing to 0.57 s with it kept, 0.21-0.29 s throughout with it dropped). Then the
    untimed `warm_up` (the same tool on a small config) brings the tool's own files back into
    the cache, as they are for anyone who ran it before, and the dentries and inodes it left are
    dropped."""
    os.sync()
    if drop_caches("3"):
        subprocess.run(warm_up, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.sync()
        drop_caches("2")
    start = time.perf_counter()
    process = subprocess.Popen(arguments, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    error = process.stderr.read().decode()
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(map(str, arguments))}\n{error[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def is_memory_backed(path):
    """Whether `path` is on tmpfs (where deleting costs later runs nothing)."""
    kind = subprocess.run(["stat", "-f", "-c", "%T", path], check=True, capture_output=True, text=True).stdout.strip()
    return kind == "tmpfs"


def tree_size(path):
    files = [os.path.join(d, f) for d, _, names in os.walk(path) for f in names]
    return len(files), sum(os.path.getsize(f) for f in files)


def smgen_binary():
    """The release build to install: with the Swift runtime linked in (in .build-bench)."""
    build = ["swift", "build", "-c", "release", "--static-swift-stdlib", "--scratch-path", str(ROOT / ".build-bench")]
    subprocess.run(build + ["--product", "smgen"], cwd=ROOT, check=True, capture_output=True)
    bin_path = subprocess.run(build + ["--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
    return os.path.join(bin_path, "smgen")


def peer_python():
    python = VENV / "bin" / "python"
    stamp = VENV / ".requirements"
    if not python.exists() or not stamp.exists() or stamp.read_text() != REQUIREMENTS.read_text():
        shutil.rmtree(VENV, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", str(REQUIREMENTS)], check=True)
        stamp.write_text(REQUIREMENTS.read_text())
    return str(python)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--peer-runs", type=int, default=3)
    parser.add_argument("--sizes", default="1x10x4,5x20x4,50x20x4")
    parser.add_argument("--out", help="folder for the configs and outputs (default: a new temporary folder)")
    options = parser.parse_args()
    smgen = smgen_binary()
    python = peer_python()
    scratch = tempfile.mkdtemp(prefix="smgen-bench-", dir=options.out)
    delete_each = is_memory_backed(scratch)

    warm_config = os.path.join(scratch, "org-warm-up.yaml")
    subprocess.run([sys.executable, str(SHARED / "make_config.py"), "1", "10", "4", warm_config], check=True)
    warm_ups = itertools.count()

    def warm_up(tool):
        """The untimed run before a measured one: `tool` (smgen or the peer) on the 10-project
        config, into a folder of its own."""
        folder = os.path.join(scratch, f"warm-up-{next(warm_ups)}")
        return [smgen, "render", "-c", warm_config, "-o", folder] if tool == "smgen" else [python, str(SHARED / "peer_troposphere.py"), warm_config, folder]

    def timed(arguments, out, tool):
        """One measured run writing `out`; then `out`'s file count and bytes."""
        sample = run_once(arguments + [out], scratch, warm_up(tool))
        size = tree_size(out)
        if delete_each:
            shutil.rmtree(out)
        return sample, size
    try:
        dropped = drop_caches("2")
        print("Caches dropped before each run, then the tool warmed up by an untimed run on 10 projects: " + ("yes" if dropped else "no (not root)") + "\n")
        print("| projects | users | validate min / median s | render min / median s | render RSS MB | files | MB written "
              "| peer median s | peer RSS MB | peer MB written | peer / smgen |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        spreads = []
        loops = []

        def ci_loop(projects, config, fresh, validate):
            """The commands users run on an output tree already there, as a table row: an
            in-place re-render (the tree swapped for a new one), `render --check` and `diff`."""
            tree = os.path.join(scratch, f"loop-{projects}")
            subprocess.run([smgen, "render", "-c", config, "-o", tree], check=True, capture_output=True)
            commands = {
                "re-render": [smgen, "render", "-c", config, "-o", tree],
                "check": [smgen, "render", "--check", "-c", config, "-o", tree],
                "diff": [smgen, "diff", "-c", config, "--against", tree],
            }
            def warm_tree():
                """The warm-up, then the tree read once: in the page cache, as a checkout or
                the render before leaves it (a cold tree would measure the disk instead)."""
                return ["sh", "-c", f'"$0" "$@" && find "{tree}" -type f -exec cat {{}} + > /dev/null', *warm_up("smgen")]
            medians = {name: statistics.median(run_once(command, scratch, warm_tree())[0] for _ in range(options.runs))
                       for name, command in commands.items()}
            shutil.rmtree(tree)
            cells = [f"{medians[name]:.3f} ({medians[name] / fresh:.2f}x)" for name in commands] + [f"{validate:.3f} ({validate / fresh:.2f}x)"]
            return f"| {projects:,} | {fresh:.3f} | " + " | ".join(cells) + " |"

        for size in options.sizes.split(","):
            teams, projects, users = (int(n) for n in size.split("x"))
            config = os.path.join(scratch, f"org-{size}.yaml")
            subprocess.run([sys.executable, str(SHARED / "make_config.py"), str(teams), str(projects), str(users), config], check=True)
            validate = [run_once([smgen, "validate", "-c", config], scratch, warm_up("smgen")) for _ in range(options.runs)]
            renders = [timed([smgen, "render", "-c", config, "-o"], os.path.join(scratch, f"smgen-{size}-{n}"), "smgen") for n in range(options.runs)]
            render = [sample for sample, _ in renders]
            files, written = renders[0][1]
            peers = [timed([python, str(SHARED / "peer_troposphere.py"), config], os.path.join(scratch, f"peer-{size}-{n}"), "peer") for n in range(options.peer_runs)]
            peer = [sample for sample, _ in peers]
            _, peer_written = peers[0][1]
            v, r, p = ([s[0] for s in samples] for samples in (validate, render, peer))
            print(f"| {teams * projects:,} | {teams * projects * users + 1:,} | {min(v):.3f} / {statistics.median(v):.3f} "
                  f"| {min(r):.3f} / {statistics.median(r):.3f} | {max(s[1] for s in render):.0f} | {files:,} | {written / 1e6:.1f} "
                  f"| {statistics.median(p):.2f} | {max(s[1] for s in peer):.0f} | {peer_written / 1e6:.1f} "
                  f"| {statistics.median(p) / statistics.median(r):.0f}x |", flush=True)
            spreads.append(f"- {teams * projects:,} projects: {', '.join(f'{t:.3f}' for t in r)}")
            loops.append(ci_loop(teams * projects, config, statistics.median(r), statistics.median(v)))
        print("\nEach render, in the order run (s):\n" + "\n".join(spreads))
        print("\nThe CI loop: each command on a tree rendered before and in the page cache, median s (and its ratio to the fresh render's median):\n")
        print("| projects | fresh render | in-place re-render | render --check | diff | validate |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: |")
        print("\n".join(loops))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
