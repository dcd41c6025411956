let lib = import ../../../lib; in
lib.pushDownProperties (lib.mkMerge [
  { a = 1; }
  (lib.mkIf true { b = 2; c = 3; })
  (lib.mkForce { d = 4; })
  (lib.mkIf false (lib.mkMerge [ { e = 5; } { f = 6; } ]))
])
