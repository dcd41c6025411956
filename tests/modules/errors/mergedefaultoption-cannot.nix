let lib = import ../../../lib; in
lib.mergeDefaultOption [ "m" ] [ { file = "a.nix"; value = 1; } { file = "b.nix"; value = "s"; } ]
