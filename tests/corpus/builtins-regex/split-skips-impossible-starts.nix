# A search skips positions where no match can begin; anchors, empty matches,
# optional prefixes and sets must give what Nix gives.
let s = builtins.split; in
[
  (s "^a" "baa")
  (s "^a" "aab")
  (s "a$" "aba")
  (s "(^|,)x" ",x,xx")
  (s "x*" "abc")
  (s "(a)?b" "cabcb")
  (s "[0-9]+" "ab12cd345")
  (s "[^a-z]" "ab-cd_e")
  (s "\\." "a.b..c")
  (s "(b|ab)c" "xabcbc")
  (s "." "")
  (s "z" "no zeds here z")
  (s "é" "café é")
  (builtins.match "b.*" "abc")
  (builtins.match "[0-9]+" "123")
]
