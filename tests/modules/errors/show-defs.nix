let lib = import ../../../lib; in
lib.showDefs [
  { file = "a.nix"; value = 1; }
  { file = "b.nix"; value = { x = [ 1 2 ]; y = "s"; }; }
  { file = "c.nix"; value = throw "not shown"; }
  { file = "d.nix"; value = [ 1 2 3 4 5 6 7 8 9 10 11 12 ]; }
  { file = "e.nix"; value = "line1\nline2"; }
]
