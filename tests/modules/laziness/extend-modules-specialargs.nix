let lib = import ../../../lib; in
let
  base = lib.evalModules {
    specialArgs.who = "base";
    modules = [ ({ who, ... }: { options.who = lib.mkOption { default = who; }; }) ];
  };
in
{ base = base.config.who; extended = (base.extendModules { specialArgs.who = "extended"; }).config.who; }
