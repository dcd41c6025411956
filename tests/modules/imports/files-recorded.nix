let lib = import ../../../lib; in
let r = lib.evalModules { modules = [ ./data/a.nix ]; }; in
{ inherit (r.options.items) files declarations; }
