let lib = import ../../../lib; in
let
  pkg = { out = "OUT"; bin = "BIN"; dev = "DEV"; name = "p"; };
  chosen = pkg // { outputSpecified = true; };
in
[ (lib.getOutput "bin" pkg) (lib.getOutput "man" pkg) (lib.getBin pkg) (lib.getDev pkg) (lib.getLib pkg) (lib.getMan pkg)
  (lib.getBin chosen == chosen) (lib.getOutput "x" { name = "no-outputs"; }) (lib.chooseDevOutputs [ pkg { dev = 1; } ]) ]
