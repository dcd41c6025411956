let lib = import ../../../lib; in
map (d: d.value) (lib.fixMkOrder [
  { file = "a"; value = lib.mkOrder 2 "two"; }
  { file = "b"; value = lib.mkOrder 1 "one"; }
])
