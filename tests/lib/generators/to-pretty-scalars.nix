let lib = import ../../../lib; in
let p = lib.generators.toPretty { }; in
[ (p 1) (p (-2)) (p 1.5) (p 1.0) (p "s") (p "q\"uo\\te") (p "a\${b}") (p true) (p false) (p null) (p [ ]) (p { }) (p (x: x)) (p ({ a, b ? 1 }: a)) ]
