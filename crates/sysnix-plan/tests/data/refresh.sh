#!/bin/sh
# Rebuilds v1.nix and v2.nix with a sysnix binary and snapshots their unit directories
# (a toplevel's etc/systemd/system) into v1/ and v2/: unit files and drop-ins linked into
# the store become plain copies; relative links (.wants/, aliases) and /dev/null masks stay
# links. The snapshots make tests/toplevel.rs self-contained.
#   SYSNIX=/path/to/sysnix STORE=/tmp/some-store sh refresh.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
sysnix=${SYSNIX:-/tmp/tgt-release/release/sysnix}
store=${STORE:-/tmp/plan-test-store}
for v in 1 2; do
  top=$(cd /tmp && "$sysnix" build --store "$store" "$here/v$v.nix" --no-out-link | tail -n 1)
  rm -rf "$here/v$v"
  cp -RP "$top/etc/systemd/system" "$here/v$v"
  chmod -R u+w "$here/v$v"
  find "$here/v$v" -type l | while read -r link; do
    target=$(readlink -f "$link")
    case $(readlink "$link") in
      /*) if [ "$target" = /dev/null ]; then ln -sfn /dev/null "$link"
          else cp --remove-destination "$target" "$link"; chmod 0644 "$link"; fi ;;
    esac
  done
done
