let lib = import ../../../lib; in
[ (lib.stringLength "héllo") (lib.toUpper "ß") (lib.splitString "" "ab") (lib.hasPrefix "日本" "日本語")
  (lib.removePrefix "日" "日本") (lib.escapeShellArg "日本") (lib.concatStringsSep "·" [ "a" "b" ]) ]
