#!/usr/bin/env bash
# The whole test suite, on a fresh machine too: installs what it needs (libyaml-dev from
# Debian, pinned Python tools into .venv-test), builds, runs the Swift tests, then the
# tool tests (JSON Schema with jsonschema, and more as the suite grows). Nothing is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! pkg-config --exists yaml-0.1 2>/dev/null; then
    echo "== installing libyaml-dev"
    as_root apt-get update -qq
    as_root apt-get install -y -qq libyaml-dev pkg-config
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

echo "== swift build"
swift build
SMGEN_BIN="$(swift build --show-bin-path)/smgen"
export SMGEN_BIN

echo "== swift test"
swift test

echo "== tool tests"
"$venv/bin/python" -m pytest -q -p no:cacheprovider Tests/tools
