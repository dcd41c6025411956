# elem forces the value only when there is an element to compare it with, and
# compares thunks' values of every kind.
let
  l = builtins.genList (i: if i == 2 then "two" else i) 4;
  sets = [ { a = 1; } { a = [ 2 ]; } ];
in
{
  empty = builtins.elem (throw "never forced") [ ];
  found = builtins.seq (builtins.elemAt l 3) (builtins.elem 3 l);
  string = builtins.elem "two" l;
  missing = builtins.elem 7 l;
  set = builtins.elem { a = [ 2 ]; } sets;
  floatInt = builtins.elem 1.0 [ 0 1 ];
  nulls = builtins.elem null [ false null ];
}
