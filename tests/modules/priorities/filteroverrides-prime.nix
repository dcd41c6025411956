let lib = import ../../../lib; in
lib.modules.filterOverrides' [
  { file = "a"; value = lib.mkDefault 1; }
  { file = "b"; value = lib.mkDefault 2; }
  { file = "c"; value = lib.mkOptionDefault 3; }
]
