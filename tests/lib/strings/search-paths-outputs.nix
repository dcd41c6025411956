let lib = import ../../../lib; in
let
  pkg = { outPath = "/out"; bin = { outPath = "/bin-out"; }; lib = { outPath = "/lib-out"; }; dev = "/dev-out"; };
  plain = { outPath = "/plain"; };
in
[ (lib.makeBinPath [ pkg plain ]) (lib.makeLibraryPath [ pkg plain ]) (lib.makeSearchPathOutput "dev" "share" [ pkg plain ]) ]
