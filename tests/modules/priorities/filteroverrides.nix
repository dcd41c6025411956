let lib = import ../../../lib; in
lib.filterOverrides [
  { file = "a"; value = lib.mkDefault 1; }
  { file = "b"; value = 2; }
  { file = "c"; value = lib.mkOverride 100 3; }
  { file = "d"; value = lib.mkForce 4; }
  { file = "e"; value = lib.mkForce 5; }
]
