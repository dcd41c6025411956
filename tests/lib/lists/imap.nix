let lib = import ../../../lib; in
[ (lib.imap0 (i: v: "${v}${toString i}") [ "a" "b" ]) (lib.imap1 (i: v: "${v}${toString i}") [ "a" "b" ])
  (lib.imap0 (i: v: i) [ ]) (lib.imap1 (i: v: i * v) [ 5 5 5 ]) ]
