let lib = import ../../../lib; in
lib.filterOverrides [
  { file = "a"; value = lib.mkDefault 1; }
  { file = "b"; value = 2; }
  { file = "c"; value = 3; }
]
