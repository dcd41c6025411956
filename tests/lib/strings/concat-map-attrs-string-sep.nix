let lib = import ../../../lib; in
[ (lib.concatMapAttrsStringSep "," (n: v: "${n}=${v}") { b = "2"; a = "1"; }) (lib.concatMapAttrsStringSep "," (n: v: n) { }) ]
