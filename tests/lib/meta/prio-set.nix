let lib = import ../../../lib; in
let set = { a = { type = "derivation"; name = "a"; }; b = 1; }; in
[ (lib.lowPrioSet set) (lib.hiPrioSet set) (lib.meta.mapDerivationAttrset (d: d // { x = 1; }) set) ]
