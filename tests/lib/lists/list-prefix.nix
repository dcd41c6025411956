let lib = import ../../../lib; in
[ (lib.lists.hasPrefix [ 1 ] [ 1 2 ]) (lib.lists.hasPrefix [ 2 ] [ 1 2 ]) (lib.lists.hasPrefix [ ] [ ])
  (lib.lists.removePrefix [ 1 ] [ 1 2 ]) (lib.lists.commonPrefix [ 1 2 3 ] [ 1 2 4 ]) (lib.lists.commonPrefix [ ] [ 1 ]) ]
