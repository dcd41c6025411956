# Turning Nix values into configuration-file formats (INI, key=value, JSON,
# YAML, plist, Lua, Dhall) and into readable Nix-like text (toPretty).
{ lib }:

let
  inherit (builtins)
    isInt isFloat isString isList isAttrs isBool isPath typeOf
    concatStringsSep attrNames length head tail elem filter
    ;
  inherit (lib.strings) escape escapeNixIdentifier floatToString concatMapStringsSep;
  inherit (lib.attrsets) mapAttrsToList isDerivation;
  inherit (lib.trivial) isFunction functionArgs;
in
rec {
  # mkValueStringDefault :: {} -> any -> string
  # Render a scalar for key=value formats: ints, strings, bools, null,
  # floats and derivations; lists, sets and functions abort.
  # Example: mkValueStringDefault { } true => "true"
  mkValueStringDefault = { }: v:
    let
      unsupported = what: x:
        abort ("generators.mkValueStringDefault: " + "${what} not supported: ${toPretty { } x}");
    in
    if isInt v then toString v
    else if isDerivation v then toString v
    else if isString v then v
    else if true == v then "true"
    else if false == v then "false"
    else if null == v then "null"
    else if isList v then unsupported "lists" v
    else if isAttrs v then unsupported "attrsets" v
    else if isFunction v then unsupported "functions" v
    else if isFloat v then floatToString v
    else unsupported "this value is" (toString v);

  # mkKeyValueDefault :: { mkValueString? } -> string -> string -> any -> string
  # "key<sep>value", escaping the separator inside the key.
  # Example: mkKeyValueDefault { } ":" "a:b" 1 => "a\\:b:1"
  mkKeyValueDefault = { mkValueString ? mkValueStringDefault { } }: sep: k: v:
    "${escape [ sep ] k}${sep}${mkValueString v}";

  # toKeyValue :: { mkKeyValue?, listsAsDuplicateKeys?, indent? } -> attrs -> string
  # One "key=value" line per attribute (lists may repeat the key).
  # Example: toKeyValue { } { a = 1; b = "x"; } => "a=1\nb=x\n"
  toKeyValue = { mkKeyValue ? mkKeyValueDefault { } "=", listsAsDuplicateKeys ? false, indent ? "" }:
    let
      line = k: v: indent + mkKeyValue k v + "\n";
      lines =
        if listsAsDuplicateKeys
        then k: v: map (line k) (if isList v then v else [ v ])
        else k: v: [ (line k v) ];
    in
    attrs: concatStringsSep "" (builtins.concatLists (mapAttrsToList lines attrs));

  # toINI :: { mkSectionName?, mkKeyValue?, listsAsDuplicateKeys? } -> attrs -> string
  # INI text: one [section] per attribute, holding its key=value lines.
  # Example: toINI { } { s.a = 1; } => "[s]\na=1\n"
  toINI = { mkSectionName ? (name: escape [ "[" "]" ] name)
          , mkKeyValue ? mkKeyValueDefault { } "="
          , listsAsDuplicateKeys ? false
          }: sections:
    let
      section = name: values:
        "[${mkSectionName name}]\n" + toKeyValue { inherit mkKeyValue listsAsDuplicateKeys; } values;
    in
    concatStringsSep "\n" (mapAttrsToList section sections);

  # toINIWithGlobalSection :: { ... } -> { globalSection; sections?; } -> string
  # INI text with key=value lines before the first section.
  # Example: toINIWithGlobalSection { } { globalSection.a = 1; sections.s.b = 2; } => "a=1\n\n[s]\nb=2\n"
  toINIWithGlobalSection = { mkSectionName ? (name: escape [ "[" "]" ] name)
                           , mkKeyValue ? mkKeyValueDefault { } "="
                           , listsAsDuplicateKeys ? false
                           }: { globalSection, sections ? { } }:
    (if globalSection == { } then ""
     else toKeyValue { inherit mkKeyValue listsAsDuplicateKeys; } globalSection + "\n")
    + toINI { inherit mkSectionName mkKeyValue listsAsDuplicateKeys; } sections;

  # toGitINI :: attrs -> string
  # git-config text: nested sets become [section "sub.section"] headers,
  # strings are quoted and escaped, lists repeat the key.
  # Example: toGitINI { user.name = "A"; } => "[user]\n\tname = \"A\"\n"
  toGitINI = attrs:
    let
      sectionName = name:
        let
          parts = lib.strings.splitString "." name;
          sub = concatStringsSep "." (tail parts);
        in
        if lib.strings.hasInfix "\"" name || tail parts == [ ] then name
        else "${head parts} \"${sub}\"";

      valueString = v:
        mkValueStringDefault { }
          (if isString v
           then "\"" + builtins.replaceStrings [ "\n" "\t" "\"" "\\" ] [ "\\n" "\\t" "\\\"" "\\\\" ] v + "\""
           else v);

      keyValue = k: v:
        concatStringsSep "\n"
          (map (x: "\t" + mkKeyValueDefault { mkValueString = valueString; } " = " k x) (lib.lists.toList v));

      # { a.b.c = 1; } -> [ { "a.b".c = 1; } ], leaves keyed by their section path.
      flattenSections =
        let
          walk = path: v:
            if isAttrs v && !(isDerivation v)
            then mapAttrsToList (name: walk ([ name ] ++ path)) v
            else if length path > 1
            then { ${concatStringsSep "." (lib.lists.reverseList (tail path))}.${head path} = v; }
            else { ${head path} = v; };
        in
        set: lib.lists.foldl lib.attrsets.recursiveUpdate { } (lib.lists.flatten (walk [ ] set));
    in
    toINI { mkKeyValue = keyValue; mkSectionName = sectionName; } (flattenSections attrs);

  # withRecursion :: { depthLimit, throwOnDepthLimit? } -> any -> any
  # Limit how deep a value is evaluated: beyond the limit, throw (default)
  # or replace the value by "<unevaluated>".
  # Example: withRecursion { depthLimit = 1; throwOnDepthLimit = false; } { a.b = 1; }
  #          => { a = { b = "<unevaluated>"; }; }
  withRecursion = { depthLimit, throwOnDepthLimit ? true }: v:
    let
      special = [ "__functor" "__toString" "__pretty" ];
      guard = depth:
        if depthLimit != null && depth > depthLimit then
          (if throwOnDepthLimit
           then throw "Exceeded maximum eval-depth limit of ${toString depthLimit} while trying to evaluate with `generators.withRecursion'!"
           else _: "<unevaluated>")
        else x: x;
      walk = depth: x:
        let next = y: walk (depth + 1) (guard (depth + 1) y); in
        if isAttrs x then builtins.mapAttrs (name: if elem name special then (y: y) else next) x
        else if isList x then map next x
        else guard (depth + 1) x;
    in
    walk 0 v;

  # toPretty :: { allowPrettyValues?, multiline?, indent? } -> any -> string
  # Readable Nix-like rendering of any value (functions show their arguments,
  # derivations their name). With allowPrettyValues, { __pretty; val; }
  # renders as `__pretty val`.
  # Example: toPretty { multiline = false; } { a = [ 1 "x" ]; } => "{ a = [ 1 \"x\" ]; }"
  toPretty = { allowPrettyValues ? false, multiline ? true, indent ? "" }:
    let
      go = ind: v:
        let
          open = if multiline then "\n${ind}  " else " ";
          close = if multiline then "\n${ind}" else " ";
        in
        if isInt v then toString v
        else if isFloat v then builtins.toJSON v
        else if isString v then
          let
            lines = filter (x: !(isList x)) (builtins.split "\n" v);
            oneLine = "\"" + concatStringsSep "\\n"
              (map (escape [ "\\" "\"" "\${" ]) lines) + "\"";
            manyLines =
              let
                escaped = map (builtins.replaceStrings [ "\${" "''" ] [ "''\${" "'''" ]) lines;
                lastLine = lib.lists.last escaped;
              in
              "''" + open + concatStringsSep open (lib.lists.init escaped)
              + (if lastLine == "" then close else open + lastLine) + "''";
          in
          if multiline && length lines > 1 then manyLines else oneLine
        else if true == v then "true"
        else if false == v then "false"
        else if null == v then "null"
        else if isPath v then toString v
        else if isList v then
          (if v == [ ] then "[ ]"
           else "[" + open + concatMapStringsSep open (go (ind + "  ")) v + close + "]")
        else if isFunction v then
          let
            args = functionArgs v;
            shown = concatStringsSep ", "
              (mapAttrsToList (name: hasDefault: if hasDefault then name + "?" else name) args);
          in
          if args == { } then "<function>" else "<function, args: {${shown}}>"
        else if isAttrs v then
          (if allowPrettyValues && v ? __pretty && v ? val then v.__pretty v.val
           else if v == { } then "{ }"
           else if v ? type && v.type == "derivation" then "<derivation ${v.name or "???"}>"
           else "{" + open
             + concatStringsSep open (mapAttrsToList
               (name: value:
                 "${escapeNixIdentifier name} = ${
                   builtins.addErrorContext "while evaluating an attribute `${name}`"
                     (go (ind + "  ") value)};")
               v)
             + close + "}")
        else abort "generators.toPretty: should never happen (v = ${v})";
    in
    go indent;

  # toPlist :: {} -> any -> string
  # An Apple property list (XML); null values and `_module` are skipped.
  # Example: toPlist { } { a = 1; }
  toPlist = { }: v:
    let
      render = ind: x:
        if x == null then ""
        else if isBool x then ind + (if x then "<true/>" else "<false/>")
        else if isInt x then ind + "<integer>${toString x}</integer>"
        else if isString x then ind + "<string>${x}</string>"
        else if isList x then
          concatStringsSep "\n" [
            (ind + "<array>")
            (concatMapStringsSep "\n" (render "\t${ind}") x)
            (ind + "</array>")
          ]
        else if isAttrs x then
          concatStringsSep "\n" [
            (ind + "<dict>")
            (concatStringsSep "\n" (lib.lists.flatten (mapAttrsToList
              (name: value: lib.lists.optionals (name != "_module" && value != null) [
                "\t${ind}<key>${name}</key>"
                (render "\t${ind}" value)
              ])
              x)))
            (ind + "</dict>")
          ]
        else if isPath x then ind + "<string>${toString x}</string>"
        else if isFloat x then ind + "<real>${toString x}</real>"
        else abort "generators.toPlist: should never happen (v = ${v})";
    in
    ''
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
      <plist version="1.0">
      ${render "" v}
      </plist>'';

  # toDhall :: {} -> any -> string
  # Dhall source for records, lists, naturals/integers, bools and strings.
  # Example: toDhall { } { a = 1; } => "{ a = +1 }"
  toDhall = { }@args: v:
    let items = concatStringsSep ", "; in
    if isAttrs v then "{ ${items (mapAttrsToList (k: x: "${k} = ${toDhall args x}") v)} }"
    else if isList v then "[ ${items (map (toDhall args) v)} ]"
    else if isInt v then "${if v < 0 then "" else "+"}${toString v}"
    else if isBool v then (if v then "True" else "False")
    else if isFunction v then abort "generators.toDhall: cannot convert a function to Dhall"
    else if v == null then abort "generators.toDhall: cannot convert a null to Dhall"
    else builtins.toJSON v;

  # toJSON :: {} -> any -> string
  # JSON text (builtins.toJSON).
  # Example: toJSON { } { a = 1; } => "{\"a\":1}"
  toJSON = { }: builtins.toJSON;

  # toYAML :: {} -> any -> string
  # YAML text; JSON is valid YAML, so this is toJSON.
  toYAML = { }: builtins.toJSON;

  # mkLuaInline :: string -> attrs
  # A raw Lua expression for toLua.
  # Example: toLua { } (mkLuaInline "foo.bar") => "(foo.bar)"
  mkLuaInline = expr: { _type = "lua-inline"; inherit expr; };

  # toLua :: { multiline?, indent?, asBindings? } -> any -> string
  # Lua source for a value: tables for lists and sets, JSON-style scalars,
  # nil for null; asBindings renders a set as `name = value` lines.
  # Example: toLua { multiline = false; } [ 1 "a" ] => "{ 1, \"a\" }"
  toLua = { multiline ? true, indent ? "", asBindings ? false }@args: v:
    let
      inner = "${indent}  ";
      open = if multiline then "\n${inner}" else " ";
      close = if multiline then "\n${indent}" else " ";
      innerArgs = args // { indent = if asBindings then indent else inner; asBindings = false; };
      items = concatStringsSep ",${open}";
      isInline = x: (x._type or null) == "lua-inline";
      validName = name:
        builtins.match "[[:alpha:]_][[:alnum:]_]*(\\.[[:alpha:]_][[:alnum:]_]*)*" name != null;
      badNames = filter (name: !(validName name)) (attrNames v);
    in
    if asBindings then
      assert lib.asserts.assertMsg (badNames == [ ]) "Bad Lua var names: ${toPretty { } badNames}";
      concatStringsSep "" (mapAttrsToList (k: x: "${indent}${k} = ${toLua innerArgs x}\n") v)
    else if v == null then "nil"
    else if isInt v || isFloat v || isString v || isBool v then builtins.toJSON v
    else if isList v then
      (if v == [ ] then "{}" else "{${open}${items (map (toLua innerArgs) v)}${close}}")
    else if isAttrs v then
      (if isInline v then "(${v.expr})"
       else if v == { } then "{}"
       else if isDerivation v then "\"${toString v}\""
       else "{${open}${items (mapAttrsToList (k: x: "[${builtins.toJSON k}] = ${toLua innerArgs x}") v)}${close}}")
    else abort "generators.toLua: type ${typeOf v} is unsupported";
}
