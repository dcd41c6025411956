let lib = import ../../../lib; in
[ (lib.intersectLists [ 1 2 3 ] [ 3 4 1 ]) (lib.intersectLists [ ] [ 1 ]) (lib.subtractLists [ 3 ] [ 1 2 3 3 ])
  (lib.subtractLists [ ] [ 1 ]) (lib.mutuallyExclusive [ 1 ] [ 2 ]) (lib.mutuallyExclusive [ 1 2 ] [ 2 ])
  (lib.mutuallyExclusive [ ] [ 1 ]) (lib.mutuallyExclusive [ 1 ] [ ]) ]
