let lib = import ../../../lib; in
(lib.evalModules { modules = [ ./data/a.nix ./data/b.nix ./data/c.nix { imports = [ ./data/c.nix ]; } ]; }).config
