let lib = import ../../../lib; in
[ (lib.escapeRegex "a.b") (lib.escapeRegex "[x]{1}(y)^$?*+|\\") (builtins.match (lib.escapeRegex "1+1=2") "1+1=2") ]
