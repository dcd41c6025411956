let lib = import ../../../lib; in
[ (lib.hasAttrByPath [ "a" "b" ] { a.b = 1; }) (lib.hasAttrByPath [ "a" "c" ] { a.b = 1; }) (lib.hasAttrByPath [ ] { })
  (lib.hasAttrByPath [ "a" "b" ] { a = 1; }) (lib.hasAttrByPath [ "a" ] { a = throw "not forced"; }) ]
