let lib = import ../../../lib; in
let d = lib.toDerivation "/nix/store/00000000000000000000000000000000-hello-1.0"; in
[ (lib.isDerivation d) d.type d.outputs d.outputName d.out.outputName ]
