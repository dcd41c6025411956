let lib = import ../../../lib; in
[ (lib.seq 1 2) (lib.deepSeq [ 1 ] 2) (lib.trivial.add 1 2) (lib.trivial.sub 5 2) (lib.trivial.lessThan 1 2)
  (builtins.tryEval (lib.deepSeq [ (throw "deep") ] 1)) ]
