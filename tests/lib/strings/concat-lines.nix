let lib = import ../../../lib; in
[ (lib.concatLines [ "a" "b" ]) (lib.concatLines [ ]) (lib.concatLines [ "" ]) ]
