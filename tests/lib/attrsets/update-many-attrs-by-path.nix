let lib = import ../../../lib; in
lib.updateManyAttrsByPath [
  { path = [ "a" "b" ]; update = old: old + 1; }
  { path = [ "a" "b" ]; update = old: old * 10; }
  { path = [ "c" ]; update = old: old // { new = true; }; }
  { path = [ "n" "m" ]; update = old: "created"; }
  { path = [ ]; update = old: old // { top = 1; }; }
] { a.b = 1; a.z = 0; c = { }; }
