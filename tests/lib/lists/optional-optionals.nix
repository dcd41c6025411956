let lib = import ../../../lib; in
[ (lib.optional true "x") (lib.optional false "x") (lib.optionals true [ 1 2 ]) (lib.optionals false [ 1 ])
  (lib.optional false (throw "lazy")) (lib.optionals false (throw "lazy")) ]
