# toJSON's escapes: quote, backslash, \n \r \t, every other control character as
# \u00XX (lowercase hex), and the rest (/, DEL, UTF-8) raw, between plain runs.
let
  hex = [ "0" "1" "2" "3" "4" "5" "6" "7" "8" "9" "a" "b" "c" "d" "e" "f" ];
  ctl = i: builtins.fromJSON "\"\\u00${builtins.elemAt hex (i / 16)}${builtins.elemAt hex (i - i / 16 * 16)}\"";
  controls = builtins.concatStringsSep "x" (builtins.genList (i: ctl (i + 1)) 31);
in
builtins.toJSON [ controls "a\"b\\c/d\x7fé plain run" { "key\"with\nescapes" = "v"; } ]
