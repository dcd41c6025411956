let lib = import ../../../lib; in
lib.mergeEqualOption [ "my" "opt" ] [ { file = "a.nix"; value = 1; } { file = "b.nix"; value = 2; } ]
