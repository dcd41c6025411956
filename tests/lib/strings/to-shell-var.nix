let lib = import ../../../lib; in
[ (lib.toShellVar "x" [ 1 "b c" ]) (lib.toShellVar "y" { k = "v w"; "a b" = 1; }) (lib.toShellVar "z" "it's")
  (lib.toShellVar "p" { outPath = "/nix/store/x"; }) (lib.toShellVar "e" [ ]) (lib.toShellVar "t" true) ]
