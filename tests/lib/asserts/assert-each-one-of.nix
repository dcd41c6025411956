let lib = import ../../../lib; in
[ (lib.assertEachOneOf "colors" [ "red" ] [ "red" "blue" ]) (lib.assertEachOneOf "colors" [ ] [ "red" ]) ]
