let lib = import ../../../lib; in
let
  auto = { a = 1; b = 2; c = 3; };
  f = { a, b, d ? 10 }: { inherit a b d; };
  r = lib.callPackageWith auto f { b = 20; };
in
[ (builtins.removeAttrs r [ "override" "overrideDerivation" ]) (r.override { a = 100; }).a (lib.callPackageWith auto ./data/pkg.nix { }).value ]
