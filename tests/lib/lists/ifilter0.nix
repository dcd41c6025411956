let lib = import ../../../lib; in
[ (lib.ifilter0 (i: v: i == 0 || v > 1) [ 1 2 0 3 ]) (lib.ifilter0 (i: v: true) [ ]) (lib.ifilter0 (i: v: lib.mod i 2 == 1) [ "a" "b" "c" "d" ]) ]
