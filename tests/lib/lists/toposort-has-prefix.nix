let lib = import ../../../lib; in
[ (lib.toposort lib.hasPrefix [ "/home/user" "other" "/" "/home" ])
  (lib.listDfs true lib.hasPrefix [ "/home/user" "other" "/" "/home" ]) ]
