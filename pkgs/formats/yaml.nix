# toYAML :: any -> string
#
# Block-style YAML: mappings as `key: value` lines, sequences as `- item`
# lines, nested collections indented by two spaces. Strings are always
# double-quoted (JSON escapes, valid YAML 1.1 and 1.2), so no string can be
# read back as a number or boolean. Keys are quoted unless plainly safe.
#
# Example: toYAML { a = [ 1 "x" ]; } => "a:\n  - 1\n  - \"x\"\n"
{ lib }:

let
  inherit (lib) concatStrings mapAttrsToList;

  spaces = n: concatStrings (builtins.genList (_: " ") n);

  reserved = [ "true" "false" "yes" "no" "on" "off" "null" "y" "n" "~" ];
  key = k:
    if builtins.match "[A-Za-z_][A-Za-z0-9_./-]*" k != null && !(builtins.elem (lib.toLower k) reserved)
    then k else builtins.toJSON k;

  isMapping = v: builtins.isAttrs v && !(lib.isDerivation v);
  isBlock = v: (isMapping v && v != { }) || (builtins.isList v && v != [ ]);

  scalar = v:
    if v == null then "null"
    else if builtins.isBool v then lib.boolToString v
    else if builtins.isInt v || builtins.isFloat v then toString v
    else if builtins.isString v then builtins.toJSON v
    else if builtins.isPath v || lib.isDerivation v then builtins.toJSON "${v}"
    else if v == [ ] then "[]"
    else if v == { } then "{}"
    else throw "toYAML: cannot represent a value of type ${builtins.typeOf v}";

  # The lines of a collection at indentation `n`.
  node = n: v:
    if isMapping v then
      concatStrings (mapAttrsToList (k: x:
        if isBlock x then "${spaces n}${key k}:\n${node (n + 2) x}"
        else "${spaces n}${key k}: ${scalar x}\n") v)
    else
      concatStrings (map (x:
        if isBlock x then "${spaces n}- ${lib.removePrefix (spaces (n + 2)) (node (n + 2) x)}"
        else "${spaces n}- ${scalar x}\n") v);
in
value: if isBlock value then node 0 value else scalar value + "\n"
