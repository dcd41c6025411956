# An element selected at once by elemAt is forced where it is used, with Nix's error.
let
  id = x: x;
  l = [ 1 (throw "element two") ];
in
id (builtins.elemAt l 1) + 1
