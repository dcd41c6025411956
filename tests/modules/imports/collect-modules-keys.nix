let lib = import ../../../lib; in
map (m: m.key) (lib.modules.collectModules null "" [ ./data/c.nix { imports = [ { } ]; } ] { inherit lib; config = { }; options = { }; })
