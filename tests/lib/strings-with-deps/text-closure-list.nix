let lib = import ../../../lib; in
let
  predefined = {
    a = lib.noDepEntry "A";
    b = lib.fullDepEntry "B" [ "a" ];
    c = lib.stringAfter [ "b" "a" ] "C";
    d = lib.packEntry [ "c" ];
  };
in
[ (lib.textClosureList predefined [ "c" ]) (lib.textClosureList predefined [ "a" "c" "a" ]) (lib.textClosureList predefined [ "d" ])
  (lib.textClosureList predefined [ ]) (lib.textClosureList predefined [ (lib.fullDepEntry "inline" [ "b" ]) ]) ]
