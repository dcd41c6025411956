let lib = import ../../../lib; in
lib.assertOneOf "foo" "foo" [ "bar" "baz" ]
