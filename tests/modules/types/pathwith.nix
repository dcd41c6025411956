let lib = import ../../../lib; in
with lib.types;
let
  store = "/nix/store/00000000000000000000000000000000-x";
  kinds = {
    inherit path pathInStore externalPath;
    relative = pathWith { absolute = false; };
    any = pathWith { };
    relativeOutside = pathWith { absolute = false; inStore = false; };
  };
  values = [ "/etc" store "${store}/bin" "rel/x" /tmp { type = "derivation"; outPath = store; } 5 ];
in
{
  descriptions = builtins.mapAttrs (_: t: t.description) kinds;
  checks = builtins.mapAttrs (_: t: map t.check values) kinds;
  names = builtins.mapAttrs (_: t: t.name) kinds;
}
