let lib = import ../../../lib; in
[ (lib.unique [ 3 1 3 2 1 ]) (lib.unique [ ]) (lib.unique [ [ 1 ] [ 1 ] { a = 1; } { a = 1; } ]) (lib.unique [ "a" "A" "a" ])
  (lib.lists.uniqueStrings [ "b" "a" "b" "c" ]) (lib.lists.allUnique [ 1 2 1 ]) (lib.lists.allUnique [ 1 2 ]) ]
