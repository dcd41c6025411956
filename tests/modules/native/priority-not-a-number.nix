# A priority that is not a number fails the comparison, as lib.min's `<` does.
let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = lib.types.int; }; }
    { v = lib.mkOverride "high" 1; }
  ];
}).config.v
