#!/usr/bin/env bash
# Builds the sysnix binary we ship and benchmark: the `dist` profile (fat LTO, one
# codegen unit) with profile-guided optimisation.
#
#   scripts/dist.sh [--no-pgo]
#
# 1. an instrumented build (-Cprofile-generate, feature pgo-instrument) in
#    $TARGET/pgo-instrumented;
# 2. a training workload run with it, what users run: the module system and lib suites
#    (tests/modules, tests/lib), building the configurations of tests/nixos and the
#    examples. Left out: the benchmark inputs (bench/), so the benchmarks measure code
#    the profile was not fitted to, and the differential corpus, whose 1,100 small
#    programs make parsing and start-up weigh as much as evaluation (trained with it,
#    the evaluation benchmarks gained 0-3% instead of 5-20%);
# 3. the counts merged with llvm-profdata (from the LLVM rustc is built on);
# 4. the final build with -Cprofile-use: $TARGET/dist/sysnix.
# About five minutes on two cores. --no-pgo skips 1-3 (then no llvm-profdata is needed).
# The binary's `--version` says which build it is.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
target=${CARGO_TARGET_DIR:-$repo/target}
case $target in /*) ;; *) target=$repo/$target ;; esac

pgo=true
for arg in "$@"; do
  case $arg in
    --no-pgo) pgo=false ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "dist.sh: error: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

if ! $pgo; then
  SYSNIX_BUILD="dist, fat LTO" cargo build --profile dist -p sysnix-cli
  echo "dist.sh: built $target/dist/sysnix (no PGO)" >&2
  exit 0
fi

# llvm-profdata must read the raw profiles of rustc's own LLVM version.
llvm_major=$(rustc -vV | sed -n 's/^LLVM version: \([0-9]*\).*/\1/p')
profdata=""
for candidate in "llvm-profdata-$llvm_major" "/usr/lib/llvm-$llvm_major/bin/llvm-profdata" llvm-profdata; do
  if command -v "$candidate" >/dev/null 2>&1 &&
     "$candidate" --version 2>/dev/null | grep -q "LLVM version $llvm_major\."; then
    profdata=$candidate
    break
  fi
done
if [ -z "$profdata" ]; then
  echo "dist.sh: error: no llvm-profdata of LLVM $llvm_major (rustc's LLVM) found." >&2
  echo "  Install it (Debian: apt-get install llvm-$llvm_major), or build without PGO: scripts/dist.sh --no-pgo" >&2
  exit 1
fi

work=$target/pgo
rm -rf "$work"
mkdir -p "$work/raw"

echo "dist.sh: 1/4 instrumented build" >&2
RUSTFLAGS="-Cprofile-generate=$work/raw" CARGO_TARGET_DIR=$target/pgo-instrumented \
  cargo build --profile dist -p sysnix-cli --features sysnix-cli/pgo-instrument
train=$target/pgo-instrumented/dist/sysnix

echo "dist.sh: 2/4 training workload" >&2
export LLVM_PROFILE_FILE="$work/raw/sysnix-%m.profraw"
cases=0
while IFS= read -r -d '' f; do
  # Error cases are part of the suites: their status does not matter here.
  timeout 60 "$train" instantiate --eval --strict "$f" >/dev/null 2>&1 || true
  cases=$((cases + 1))
done < <(find tests/modules tests/lib -name '*.nix' -not -path '*/data/*' -print0 | sort -z)
store=$(mktemp -d)
trap 'rm -rf "$store"' EXIT
systems=0
for config in tests/nixos/*.nix; do
  timeout 60 "$train" build --store "$store/store" --no-out-link -c "$config" >/dev/null 2>&1 || true
  systems=$((systems + 1))
done
for example in nbd homelab; do
  "$train" build --store "$store/store" --no-out-link "examples/$example" >/dev/null
done
"$train" eval --strict examples/modules >/dev/null
"$train" eval --strict -A summary examples/hello >/dev/null
echo "dist.sh:   $cases suite cases evaluated, $systems + 2 systems built" >&2

echo "dist.sh: 3/4 merging the profile" >&2
"$profdata" merge -o "$work/sysnix.profdata" "$work/raw"

echo "dist.sh: 4/4 optimised build" >&2
RUSTFLAGS="-Cprofile-use=$work/sysnix.profdata" SYSNIX_BUILD="dist, fat LTO, PGO" \
  cargo build --profile dist -p sysnix-cli
echo "dist.sh: built $target/dist/sysnix" >&2
