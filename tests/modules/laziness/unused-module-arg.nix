let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { _module.args.pkgs = throw "pkgs forced"; }
    ({ pkgs, lib, ... }: { options.a = lib.mkOption { default = 1; }; })
  ];
}).config
