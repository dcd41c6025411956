#!/usr/bin/env bash
# Build benchmark: `sysnix build` of a configuration (default examples/homelab), cold (a
# fresh, empty store each run) and warm (the same configuration again, nothing changed),
# several runs each; prints the medians and warm/cold (target: under 10 %).
#
#   bench/build.sh [--runs N] [--sysnix PATH] [--config FILE] [--out docs/benchmarks.md] [--gate]
#
# Defaults: 5 runs, sysnix = target/release/sysnix (built with
# `cargo build --release -p sysnix-cli` if missing). --out replaces the build section of
# that file, keeping the rest. Exit status 1 if a build fails, or the warm and cold builds
# give different toplevels; with --gate, also if the target is missed. (CI runs it without
# --gate, as the other benchmarks: a benchmark reports speed, it is not a timed test.)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v python3 >/dev/null || { echo "build.sh: error: python3 not found" >&2; exit 2; }
exec python3 "$here/build.py" "$@"
