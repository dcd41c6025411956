let lib = import ../../../lib; in
let
  c = (lib.evalModules {
    modules = [
      ../../../lib/modules/assertions.nix
      (lib.mkRemovedOptionModule [ "services" "gone" ] "Use services.new instead.")
      { _file = "user.nix"; services.gone = { anything = true; }; }
    ];
  }).config;
in
map (a: a.message) (builtins.filter (a: !a.assertion) c.assertions)
