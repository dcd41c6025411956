# flags: --eval --strict -I sysnix=../../..
let lib = import <sysnix/lib>; in
[ (lib.range 1 3) (lib.mapAttrs' (n: v: lib.nameValuePair (lib.toUpper n) v) { a = 1; }) ]
