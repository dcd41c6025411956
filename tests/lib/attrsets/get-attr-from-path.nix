let lib = import ../../../lib; in
[ (lib.getAttrFromPath [ "a" "b" ] { a.b = 1; }) (lib.getAttrFromPath [ ] { z = 1; }) ]
