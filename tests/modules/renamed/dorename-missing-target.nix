let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    (lib.doRename { from = [ "p" ]; to = [ "nowhere" ]; visible = true; warn = false; use = x: x; })
    { p = 1; }
  ];
}).config.p
