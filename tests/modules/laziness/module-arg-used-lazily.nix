let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { _module.args.pkgs = { tool = "t"; heavy = throw "heavy forced"; }; }
    ({ pkgs, lib, ... }: { options.a = lib.mkOption { default = pkgs.tool; }; })
  ];
}).config
