let lib = import ../../../lib; in
lib.mergeOneOption [ "single" ] [ { file = "a.nix"; value = 1; } { file = "b.nix"; value = 1; } ]
