let lib = import ../../../lib; in
[ (lib.checkListOfEnum "color" [ "red" "green" ] [ "red" ] "ok")
  (lib.checkListOfEnum "color" [ "red" "green" ] [ ] "empty ok") ]
