let lib = import ../../../lib; in
(lib.evalModules { modules = [ ./data/decls.nix ./data/typo.nix ]; }).config
