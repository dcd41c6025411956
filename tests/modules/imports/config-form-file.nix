let lib = import ../../../lib; in
(lib.evalModules { modules = [ ./data/config-form.nix ]; }).config
