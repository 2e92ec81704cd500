#!/usr/bin/env bash
# The whole test suite, on a fresh machine too: installs what it needs (libyaml-dev and
# shellcheck from Debian, pinned Python tools into .venv-test: PyYAML, jsonschema, cfn-lint,
# moto, the aws CLI), checks the formatting, builds, runs the Swift tests, then the tool tests. Nothing is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# System packages: libyaml (the YAML library smgen binds), shellcheck (checks the generated
# scripts), strace (fails the writer's system calls on purpose, in the fault tests).
missing=()
pkg-config --exists yaml-0.1 2>/dev/null || missing+=(libyaml-dev pkg-config)
command -v shellcheck >/dev/null 2>&1 || missing+=(shellcheck)
command -v strace >/dev/null 2>&1 || missing+=(strace)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "== installing ${missing[*]}"
    as_root apt-get update -qq
    as_root apt-get install -y -qq "${missing[@]}"
fi

venv=.venv-test
requirements=Tests/requirements.txt
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$requirements" "$venv/.requirements"; then
    echo "== creating $venv"
    rm -rf "$venv"
    if ! python3 -m venv "$venv"; then
        as_root apt-get update -qq
        as_root apt-get install -y -qq python3-venv
        python3 -m venv "$venv"
    fi
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
    cp "$requirements" "$venv/.requirements"
fi
SMGEN_PYTHON="$PWD/$venv/bin/python"
export SMGEN_PYTHON

echo "== swift format lint"
# The code as .swift-format formats it (swift format -i -r -p Sources Tests fixes it).
swift format lint --strict --recursive --parallel Sources Tests

echo "== swift build"
swift build
SMGEN_BIN="$(swift build --show-bin-path)/smgen"
export SMGEN_BIN

echo "== swift test"
swift test

echo "== tool tests"
"$venv/bin/python" -m pytest -q -p no:cacheprovider Tests/tools
