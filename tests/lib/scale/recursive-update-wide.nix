let lib = import ../../../lib; in
let
  mk = k: lib.genAttrs (map (i: "n${toString i}") (lib.range 1 200)) (n: { ${k} = n; });
  merged = lib.recursiveUpdate (mk "a") (mk "b");
in
[ (builtins.length (builtins.attrNames merged)) merged.n150 ]
