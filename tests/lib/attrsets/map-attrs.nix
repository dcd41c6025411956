let lib = import ../../../lib; in
[ (lib.mapAttrs (n: v: n + toString v) { a = 1; b = 2; }) (lib.mapAttrs' (n: v: lib.nameValuePair "x${n}" (v * 2)) { a = 1; b = 2; })
  (lib.mapAttrs' (n: v: lib.nameValuePair "same" v) { a = 1; b = 2; }) (lib.mapAttrs (n: v: v) { }) ]
