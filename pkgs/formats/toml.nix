# toTOML :: attrs -> string
#
# A TOML document for a Nix attribute set: plain keys first, then one
# `[table]` per nested attribute set and `[[array]]` entries for lists whose
# elements are all attribute sets; other lists become inline arrays (with
# inline tables inside). Null values are left out (TOML has no null);
# derivations and paths are written as their store path strings.
#
# Example: toTOML { a = 1; s.b = [ "x" ]; } => "a = 1\n\n[s]\nb = [ \"x\" ]\n"
{ lib }:

let
  inherit (lib) concatStrings concatStringsSep concatMapStringsSep mapAttrsToList filterAttrs;

  isTable = v: builtins.isAttrs v && !(lib.isDerivation v);
  isTableArray = v: builtins.isList v && v != [ ] && builtins.all isTable v;

  # Bare keys when possible, quoted otherwise.
  key = k: if builtins.match "[A-Za-z0-9_-]+" k != null then k else builtins.toJSON k;
  dotted = path: concatMapStringsSep "." key path;

  # JSON string escapes are valid in TOML basic strings.
  str = s: builtins.toJSON s;

  dropNulls = filterAttrs (_: v: v != null);

  # A value written on one line.
  inline = v:
    if builtins.isBool v then lib.boolToString v
    else if builtins.isInt v then toString v
    else if builtins.isFloat v then toString v
    else if builtins.isString v then str v
    else if builtins.isPath v || lib.isDerivation v then str "${v}"
    else if builtins.isList v then
      (if v == [ ] then "[]" else "[ ${concatMapStringsSep ", " inline (builtins.filter (x: x != null) v)} ]")
    else if builtins.isAttrs v then
      (let a = dropNulls v; in
       if a == { } then "{}"
       else "{ ${concatStringsSep ", " (mapAttrsToList (k: x: "${key k} = ${inline x}") a)} }")
    else if v == null then throw "toTOML: TOML cannot represent null"
    else throw "toTOML: cannot represent a value of type ${builtins.typeOf v}";

  # The body of the table at `path`: its plain keys, then its sub-tables
  # and arrays of tables.
  body = path: attrs:
    let
      a = dropNulls attrs;
      plain = filterAttrs (_: v: !(isTable v) && !(isTableArray v)) a;
      tables = filterAttrs (_: isTable) a;
      arrays = filterAttrs (_: isTableArray) a;
    in
    concatStrings (mapAttrsToList (k: v: "${key k} = ${inline v}\n") plain)
    + concatStrings (mapAttrsToList (k: v: table (path ++ [ k ]) v) tables)
    + concatStrings (mapAttrsToList (k: vs:
        concatMapStringsSep "" (v: "\n[[${dotted (path ++ [ k ])}]]\n" + body (path ++ [ k ]) v) vs) arrays);

  # A table with its header; the header is left out when the table only
  # holds tables (TOML defines it implicitly then).
  table = path: attrs:
    let
      a = dropNulls attrs;
      onlyTables = a != { } && builtins.all (v: isTable v || isTableArray v) (builtins.attrValues a);
    in
    (if onlyTables then "" else "\n[${dotted path}]\n") + body path a;
in
value:
if !isTable value then throw "toTOML: the top level of a TOML document must be an attribute set"
else lib.removePrefix "\n" (body [ ] value)
