let lib = import ../../../lib; in
(lib.evalModules {
  class = "nixos";
  modules = [ { imports = [ { _file = "hm.nix"; _class = "homeManager"; } ]; } ];
}).config
