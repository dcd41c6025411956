#!/usr/bin/env bash
# Switch benchmark: a generated configuration of N services (default 100) switched to in a
# freshly booted machine (systemd in systemd-nspawn, the sysnix-testing harness): the
# first switch (every service started), then a change to one unit (one restart). Prints
# the medians of both, split into planning, activation, systemd's jobs and the rest.
#
#   bench/switch.sh [--runs N] [--services N] [--sysnix PATH] [--out docs/benchmarks.md]
#
# Defaults: 3 runs, 100 services, sysnix = target/release/sysnix (built with
# `cargo build --release -p sysnix-cli` if missing). Needs root and the machines' root
# file system (`cargo run -p sysnix-testing --bin sysnix-test-rootfs`). --out replaces the
# switch section of that file, keeping the rest.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v python3 >/dev/null || { echo "switch.sh: error: python3 not found" >&2; exit 2; }
exec python3 "$here/switch.py" "$@"
