let lib = import ../../../lib; in
let
  r = lib.evalModules { modules = [ (lib.modules.importApply ./data/applied.nix { label = "static"; }) ]; };
in
{ inherit (r.config) label; inherit (r.options.label) declarations; }
