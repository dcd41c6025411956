let lib = import ../../../lib; in
[ (lib.attrByPath [ "a" "b" ] 0 { a.b = 1; }) (lib.attrByPath [ "a" "c" ] 0 { a.b = 1; }) (lib.attrByPath [ ] 0 { a = 1; })
  (lib.attrByPath [ "a" "b" ] "d" { a = 5; }) (lib.attrByPath [ "x" ] "d" { }) ]
