#!/usr/bin/env bash
# Evaluation benchmark: sysnix vs nix-instantiate on bench/inputs/*.nix.
#
#   bench/eval.sh [--runs N] [--sysnix PATH] [--out docs/benchmarks.md] [inputs...]
#
# Defaults: 5 runs, sysnix = target/release/sysnix (built with
# `cargo build --release -p sysnix-cli` if missing), all inputs.
# Also: --nix PATH (nix-instantiate to compare with), --timeout SECONDS per run.
# Inputs may be paths or bare names (fib, fixpoint.nix, ...).
# Prints a markdown table on stdout (progress on stderr); --out also writes it,
# with an intro paragraph, to that file. Exit status 1 if any row is
# MISMATCH/ERROR, 2 on a usage or setup error.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v python3 >/dev/null || { echo "eval.sh: error: python3 not found" >&2; exit 2; }
exec python3 "$here/eval.py" "$@"
