# A definition for a set of options that is not a set is reported by the fallback's
# message (the native grouping hands over to it).
let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.services.web.enable = lib.mkOption { type = lib.types.bool; default = false; }; }
    { services.web = 5; }
  ];
}).config.services.web.enable
