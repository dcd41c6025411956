let lib = import ../../../lib; in
[ (lib.imap0 (i: _: i) (lib.replicate 4 null)) (lib.zipListsWith lib.add (lib.range 1 3) (lib.range 10 12)) (lib.flatten (lib.replicate 2 [ 1 [ 2 ] ])) ]
