let lib = import ../../../lib; in
[ (lib.trim "  a b \n") (lib.trim "") (lib.trim "   ") (lib.trim "\t\r\nx\n") (lib.trim "a\n b") (lib.trim "noop")
  (lib.trimWith { start = true; } "  a  ") (lib.trimWith { end = true; } "  a  ") (lib.trimWith { } "  a  ") ]
