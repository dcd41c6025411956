let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { _module.args.pkgs = { hello = { name = "hello-2.12"; }; }; }
    ({ pkgs, lib, ... }: {
      options.pkgName = lib.mkOption { type = lib.types.str; };
      config.pkgName = pkgs.hello.name;
    })
  ];
}).config
