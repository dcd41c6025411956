let lib = import ../../../lib; in
let
  drv = { type = "derivation"; name = "hello-2.12"; pname = "hello"; outPath = "/nix/store/aaaa-hello"; meta.mainProgram = "hi"; };
  withBin = drv // { bin = drv // { outPath = "/nix/store/bbbb-hello-bin"; }; };
in
[ (lib.getExe drv) (lib.getExe' drv "tool") (lib.getExe withBin) ]
