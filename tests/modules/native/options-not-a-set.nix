# An `options` that is not a set, under a prefix: the fallback's message.
let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.services = { web = lib.mkOption { type = lib.types.int; default = 1; }; }; }
    { options.services.db = 3; }
  ];
}).config.services.db
