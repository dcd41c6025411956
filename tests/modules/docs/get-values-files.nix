let lib = import ../../../lib; in
let defs = [ { file = "a.nix"; value = 1; } { file = "b.nix"; value = [ 2 ]; } ]; in
{ values = lib.getValues defs; files = lib.getFiles defs; }
