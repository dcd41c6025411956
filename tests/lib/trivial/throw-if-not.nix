let lib = import ../../../lib; in
lib.throwIfNot ("a" == "b") "strings differ" 5
