let lib = import ../../../lib; in
map (x: (builtins.tryEval x).success) [
  (lib.getExe' { } "x")
  (lib.getExe' { type = "derivation"; outPath = "/x"; } "a/b")
  (lib.getExe' { type = "derivation"; outPath = "/x"; } 1)
]
