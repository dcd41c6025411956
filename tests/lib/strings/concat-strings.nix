let lib = import ../../../lib; in
[ (lib.concatStrings [ "a" "b" "c" ]) (lib.concatStrings [ ]) (lib.concatMapStrings (x: x + ";") [ "a" "b" ])
  (lib.concatImapStrings (i: x: "${toString i}${x}") [ "a" "b" ]) (lib.concatMapStrings toString [ 1 2 ]) ]
