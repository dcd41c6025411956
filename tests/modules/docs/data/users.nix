{ lib, ... }:
{
  options.users = lib.mkOption {
    type = lib.types.attrsOf (lib.types.submodule {
      options.uid = lib.mkOption { type = lib.types.int; description = "User id."; };
      options.shell = lib.mkOption { type = lib.types.str; default = "/bin/sh"; };
    });
    default = { };
    description = "Users.";
  };
  options.hosts = lib.mkOption {
    type = lib.types.listOf (lib.types.submodule {
      options.addr = lib.mkOption { type = lib.types.str; };
    });
    default = [ ];
  };
  options.shallow = lib.mkOption {
    type = lib.types.attrsOf (lib.types.submodule { options.hidden = lib.mkOption { type = lib.types.int; }; });
    visible = "shallow";
    default = { };
  };
  options.invisible = lib.mkOption {
    type = lib.types.submodule { options.inner = lib.mkOption { type = lib.types.int; }; };
    visible = false;
  };
}
