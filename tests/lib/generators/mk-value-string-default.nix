let lib = import ../../../lib; in
let f = lib.generators.mkValueStringDefault { }; in
[ (f 1) (f "s") (f true) (f false) (f null) (f 0.5) (f { type = "derivation"; outPath = "/nix/store/x"; }) (f (-3)) ]
