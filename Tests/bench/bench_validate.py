#!/usr/bin/env python3
"""Benchmark of `smgen validate` (parse + load + every rule + every computed name) and of
`smgen render` (the whole output tree written to disk) on synthetic orgs of 10, 100 and
1,000 projects (4 users each), release build.

Usage: python3 Tests/bench/bench_validate.py [RUNS]   (from the repository root)
Prints a markdown table per command: min and median wall time over RUNS runs, peak RSS.
"""
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
MAKE_CONFIG = ROOT.parent / "shared/bench/make_config.py"
SIZES = [(1, 10, 4), (5, 20, 4), (50, 20, 4)]  # teams x projects per team x users per project


def run_once(binary, arguments):
    """Wall time and peak RSS (KiB) of one run, measured on that process alone."""
    start = time.perf_counter()
    process = subprocess.Popen([binary, *arguments], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    assert os.waitstatus_to_exitcode(status) == 0, process.stderr.read()
    process.stderr.close()
    return elapsed, usage.ru_maxrss


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    subprocess.run(["swift", "build", "-c", "release", "--product", "smgen"], cwd=ROOT, check=True, capture_output=True)
    binary = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout.strip() + "/smgen"
    with tempfile.TemporaryDirectory() as scratch:
        configs = []
        for teams, projects, users in SIZES:
            config = os.path.join(scratch, f"org-{teams}x{projects}x{users}.yaml")
            subprocess.run([sys.executable, str(MAKE_CONFIG), str(teams), str(projects), str(users), config], check=True)
            configs.append((teams * projects, teams * projects * users + 1, config))
        for command in ("validate", "render"):
            print(f"\n`smgen {command}`\n")
            print("| projects | users | min (s) | median (s) | peak RSS (MB) |")
            print("| ---: | ---: | ---: | ---: | ---: |")
            for projects, users, config in configs:
                arguments = [command, "-c", config] + (["-o", os.path.join(scratch, "out")] if command == "render" else [])
                samples = [run_once(binary, arguments) for _ in range(runs)]
                times = [s[0] for s in samples]
                print(f"| {projects:,} | {users:,} | {min(times):.3f} | {statistics.median(times):.3f} | {max(s[1] for s in samples) / 1024:.0f} |")

if __name__ == "__main__":
    main()
