let lib = import ../../../lib; in
let
  even = lib.types.addCheck lib.types.int (x: lib.mod x 2 == 0);
in
(lib.evalModules {
  modules = [
    { options.e = lib.mkOption { type = even; }; }
    { e = 3; }
  ];
}).config
