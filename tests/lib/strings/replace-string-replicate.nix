let lib = import ../../../lib; in
[ (lib.replaceString "a" "o" "banana") (lib.strings.replicate 3 "ab") (lib.strings.replicate 0 "ab") (lib.replaceStrings [ "a" "n" ] [ "A" "" ] "banana") ]
