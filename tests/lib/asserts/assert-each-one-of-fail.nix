let lib = import ../../../lib; in
lib.assertEachOneOf "foo" [ "foo" "bar" ] [ "baz" "bar" ]
