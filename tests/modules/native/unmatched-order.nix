# Definitions with no option, in name order: names no module declares (a, c, e)
# between names whose nested definitions are not declared (b.z, d.w).
let
  lib = import ../../../lib;
  canonical = file: m: { _file = file; key = file; disabledModules = [ ]; imports = [ ]; options = { }; config = { }; } // m;
  merged = lib.mergeModules [ ] [
    (canonical "decls.nix" { options = { b.x = lib.mkOption { default = 1; }; d.y = lib.mkOption { default = 2; }; }; })
    (canonical "defs.nix" { config = { e.f = 5; d.w = 4; c = 3; b.z = 2; a = 1; }; })
    (canonical "more.nix" { config = { b = { z = 6; x = 7; }; a = lib.mkIf true 8; }; })
  ];
in
map (d: { inherit (d) file prefix; }) merged.unmatchedDefns
