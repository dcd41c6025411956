let lib = import ../../../lib; in
[ (lib.generators.mkKeyValueDefault { } "=" "key" 1) (lib.generators.mkKeyValueDefault { } ":" "a:b" "c")
  (lib.generators.mkKeyValueDefault { mkValueString = v: "<${toString v}>"; } " = " "k" 2) ]
