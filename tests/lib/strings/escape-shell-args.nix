let lib = import ../../../lib; in
[ (lib.escapeShellArgs [ "a b" "c" "d'e" ]) (lib.escapeShellArgs [ ]) (lib.escapeShellArgs [ 1 true null ]) ]
