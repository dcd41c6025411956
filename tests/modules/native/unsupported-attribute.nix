# A full-form module with a stray attribute: the fallback's message.
let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.a = lib.mkOption { type = lib.types.int; default = 1; }; }
    { key = "stray"; config.a = 2; a = 3; }
  ];
}).config.a
