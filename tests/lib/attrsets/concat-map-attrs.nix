let lib = import ../../../lib; in
[ (lib.concatMapAttrs (n: v: { ${n} = v; "${n}2" = v * 2; }) { a = 1; b = 2; })
  (lib.concatMapAttrs (n: v: { k = n; }) { a = 1; b = 2; }) (lib.concatMapAttrs (n: v: { }) { a = 1; }) ]
