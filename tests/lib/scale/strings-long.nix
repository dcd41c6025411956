let lib = import ../../../lib; in
let s = lib.concatMapStrings (i: "line ${toString i}\n") (lib.range 1 500); in
[ (builtins.length (lib.splitString "\n" s)) (lib.hasInfix "line 499\n" s) (lib.stringLength (lib.escapeShellArg s)) (builtins.length (lib.stringToCharacters (lib.substring 0 300 s))) ]
