#!/bin/sh
# Build each case's toplevel with C++ Nix's nix-build (host packages made by
# the /bin/bash builder, nixpkgs.hostPackageBuilder = "shell") and run
# `systemd-analyze verify` on every generated unit. Needs root (a local
# /nix/store), nix-build and systemd-analyze. Cases whose checks expect
# errors are skipped.
#
#   tests/nixos/build-verify.sh [CASE ...]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$(dirname "$here")")
out=${TMPDIR:-/tmp}/sysnix-nixos-tests
mkdir -p "$out"
status=0
cases=${*:-$(cd "$here" && ls *.expect.json | sed 's/\.expect\.json$//')}
for c in $cases; do
  if grep -q '"error"' "$here/$c.expect.json"; then continue; fi
  res="$out/$c"
  if ! sys=$(nix-build --option sandbox false --option substituters '' -o "$res" -E "
      (import $repo/nixos { configuration = { imports = [ $here/$c.nix ]; nixpkgs.hostPackageBuilder = \"shell\"; }; }).toplevel
    " 2>"$out/$c.log"); then
    echo "FAIL  $c (build, see $out/$c.log)"; status=1; continue
  fi
  units="$sys/etc/systemd/system"
  bad=0
  for u in "$units"/*; do
    [ -e "$u" ] || [ -L "$u" ] || continue
    name=$(basename "$u")
    case "$name" in *.wants|*.requires|*.upholds|*.d) continue ;; esac
    [ "$(readlink -f "$u")" = /dev/null ] && continue
    if ! msg=$(SYSTEMD_UNIT_PATH="$units:/lib/systemd/system:" systemd-analyze verify "$name" 2>&1) || [ -n "$msg" ]; then
      echo "      $name: $msg"; bad=1
    fi
  done
  if [ $bad = 0 ]; then echo "ok    $c ($sys)"; else echo "FAIL  $c"; status=1; fi
done
exit $status
