let lib = import ../../../lib; in
map lib.showOption [
  [ "services" "nginx" "enable" ]
  [ "foo" "bar.baz" "tux" ]
  [ "windowManager" "2bwm" "enable" ]
  [ "users" "<name>" "home" ]
  [ "hosts" "*" "addr" ]
  [ "f" "<function body>" ]
  [ "a b" "if" "x-y" "z'" ]
  [ ]
]
