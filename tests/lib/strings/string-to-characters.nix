let lib = import ../../../lib; in
[ (lib.stringToCharacters "abc") (lib.stringToCharacters "") (lib.stringToCharacters "a b")
  (builtins.length (lib.stringToCharacters "é")) ]
