let lib = import ../../../lib; in
let
  r = lib.evalModules { modules = [ ./data/decl.nix ./data/def.nix ]; };
in
{
  inherit (r.options.greeting) declarations files;
  defaultFile = r.options.count.files;
}
