{ lib, ... }:
{
  options.users = lib.mkOption {
    type = lib.types.attrsOf (lib.types.submodule {
      options.shell = lib.mkOption { type = lib.types.str; default = "/bin/sh"; };
    });
  };
}
