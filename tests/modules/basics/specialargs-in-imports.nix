let lib = import ../../../lib; in
let
  mk = name: { options.${name} = lib.mkOption { type = lib.types.bool; default = true; }; };
in
(lib.evalModules {
  specialArgs = { extra = true; };
  modules = [
    ({ extra, ... }: { imports = if extra then [ (mk "withExtra") ] else [ (mk "without") ]; })
  ];
}).config
