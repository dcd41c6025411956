# differs-from-2.8: sysnix reports where the error happened; Nix 2.8 gives no position for it
let k = 1; in { a = 1; }.${k}
