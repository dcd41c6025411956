let lib = import ../../../lib; in
(lib.evalModules {
  class = "nixos";
  modules = [ { _file = "darwin-module.nix"; _class = "darwin"; } ];
}).config
