let lib = import ../../../lib; in
[
  (lib.pipe 2 [ (x: x + 1) (x: x * 10) ])
  (lib.pipe 5 [ ])
  (lib.pipe [ 3 1 2 ] [ (builtins.sort builtins.lessThan) (map toString) (builtins.concatStringsSep ",") ])
]
