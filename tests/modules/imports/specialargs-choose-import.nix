let lib = import ../../../lib; in
let
  build = choice: (lib.evalModules {
    specialArgs = { inherit choice; };
    modules = [ ./data/opts.nix ({ choice, ... }: { imports = [ (if choice then ./data/c.nix else ./data/flag.nix) ]; }) ];
  }).config;
in
{ yes = build true; no = build false; }
