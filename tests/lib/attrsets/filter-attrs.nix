let lib = import ../../../lib; in
[ (lib.filterAttrs (n: v: v > 1) { a = 1; b = 2; c = 3; }) (lib.filterAttrs (n: v: n != "a") { a = 1; b = 2; })
  (lib.filterAttrs (n: v: true) { }) (lib.filterAttrs (n: v: false) { a = 1; }) ]
