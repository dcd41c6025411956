let lib = import ../../../lib; in
[ (lib.foldAttrs (item: acc: [ item ] ++ acc) [ ] [ { a = 2; } { a = 3; b = 1; } ])
  (lib.foldAttrs (x: acc: x + acc) 0 [ { a = 1; b = 2; } { a = 10; } ])
  (lib.foldAttrs (x: acc: x) 0 [ ])
  (lib.foldlAttrs (acc: n: v: acc + v) 0 { a = 1; b = 2; })
  (lib.foldlAttrs (acc: n: v: acc ++ [ n ]) [ ] { z = 1; a = 2; })
  (lib.foldlAttrs (acc: n: v: acc) "init" { }) ]
