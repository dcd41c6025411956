let lib = import ../../../lib; in
[ (lib.toList 1) (lib.toList [ 1 ]) (lib.toList [ ]) (lib.toList null) (lib.toList { a = 1; }) ]
