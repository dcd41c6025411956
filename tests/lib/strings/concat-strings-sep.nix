let lib = import ../../../lib; in
[ (lib.concatStringsSep "/" [ "usr" "bin" ]) (lib.concatStringsSep ", " [ ]) (lib.concatStringsSep "-" [ "one" ])
  (lib.concatMapStringsSep "-" toString [ 1 2 3 ]) (lib.concatImapStringsSep "," (i: x: "${toString i}:${x}") [ "a" "b" ])
  (lib.concatMapStringsSep "\n" (x: x) [ "é" "ü" ]) ]
