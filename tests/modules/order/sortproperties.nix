let lib = import ../../../lib; in
lib.modules.sortProperties [
  { file = "a"; value = lib.mkAfter 1; }
  { file = "b"; value = 2; }
  { file = "c"; value = lib.mkBefore 3; }
  { file = "d"; value = lib.mkOrder 1000 4; }
]
