let lib = import ../../../lib; in
[ (lib.escapeShellArg "a\nb") (lib.escapeShellArg "'") (lib.escapeShellArg "''") (lib.escapeShellArg [ "a" "b" ]) (lib.escapeShellArg null) (lib.escapeShellArg ./.) ]
