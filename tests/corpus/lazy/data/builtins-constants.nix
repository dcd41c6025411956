# Helper of builtins-constants-print-lazily.nix.
let
  v = builtins.nixVersion;
  b = builtins;
in
{
  inherit v;
  w = builtins.nixVersion;
  s = b.storeDir;
  l = b.length [ 1 ];
}
