let lib = import ../../../lib; in
lib.getAttrFromPath [ "a" "c" ] { a.b = 1; }
