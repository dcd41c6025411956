let lib = import ../../../lib; in
(lib.evalModules {
  check = false;
  modules = [ { foo = 1; } ];
}).config
