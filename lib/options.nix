# Option declarations, their documentation data, and the helpers the module
# system uses to merge option definitions and describe them in messages.
{ lib }:

let
  inherit (builtins)
    all
    attrNames
    concatStringsSep
    elem
    filter
    foldl'
    head
    isAttrs
    isBool
    isFunction
    isInt
    isList
    isString
    length
    tail
    tryEval
    ;

  # Appended to "conflicting definitions" style errors.
  priorityHint = "Use `lib.mkForce value` or `lib.mkDefault value` to change the priority on any of these definitions.\n";

  # Turn a default or an example into something the documentation can show:
  # literal values (literalExpression / literalMD) stay as they are, anything
  # else is pretty-printed as Nix.
  docValue = v:
    if isAttrs v && v ? _type && v ? text then v
    else self.literalExpression (lib.generators.toPretty {
      multiline = true;
      allowPrettyValues = true;
    } v);

  # Parts of an option path that are placeholders rather than attribute
  # names, so they are shown as they are instead of being quoted.
  placeholders = [ "<name>" "*" "<function body>" ];

  self = {

    /** True when `x` was made by `mkOption`. */
    isOption = x: isAttrs x && (x._type or "") == "option";

    /**
      Declare an option. Recognised attributes: `default`, `defaultText`,
      `example`, `description`, `relatedPackages`, `type`, `apply`,
      `internal`, `visible` (true, false or "shallow"), `readOnly`.
    */
    mkOption = builtins.__sysnixMkOption or (attrs: attrs // { _type = "option"; });

    /** A boolean option, false by default, described as enabling `name`. */
    mkEnableOption = name: self.mkOption {
      type = lib.types.bool;
      default = false;
      example = true;
      description = "Whether to enable ${name}.";
    };

    /**
      An option holding a package taken from `pkgs`.
      `name` is the attribute (or attribute path, as a list) in `pkgs`.
      Optional: `nullable`, `default` (attribute name or path, or null),
      `example`, `extraDescription`, `pkgsText`.
    */
    mkPackageOption = pkgs: name:
      { nullable ? false
      , default ? name
      , example ? null
      , extraDescription ? ""
      , pkgsText ? "pkgs"
      }:
      let
        shownName = if isList name then lib.last name else name;
        defaultPath = if isList default then default else [ default ];
        defaultText = concatStringsSep "." defaultPath;
        fromDefault =
          if default != null then {
            default = lib.attrByPath defaultPath
              (throw "${defaultText} cannot be found in ${pkgsText}") pkgs;
            defaultText = self.literalExpression "${pkgsText}.${defaultText}";
          }
          else if nullable then { default = null; }
          else { };
        fromExample =
          if example == null then { }
          else {
            example = self.literalExpression
              (if isList example then "${pkgsText}." + concatStringsSep "." example else example);
          };
      in
      self.mkOption (fromDefault // {
        type = if nullable then lib.types.nullOr lib.types.package else lib.types.package;
        description = "The ${shownName} package to use."
          + (if extraDescription == "" then "" else " " + extraDescription);
      } // fromExample);

    /** Older name of `mkPackageOption`. */
    mkPackageOptionMD = self.mkPackageOption;

    /**
      An option that swallows every definition under it (an option tree that
      is being removed); reading it is an error.
    */
    mkSinkUndeclaredOptions = attrs: self.mkOption ({
      internal = true;
      visible = false;
      default = false;
      description = "Sink for option definitions.";
      type = lib.types.mkOptionType {
        name = "sink";
        check = _: true;
        merge = _loc: _defs: false;
      };
      apply = _: throw "Option value is not readable because the option is not declared.";
    } // attrs);

    /**
      Merge definitions by looking at their values: one definition is taken as
      is; lists are concatenated, attribute sets updated left to right,
      booleans or-ed, strings concatenated, functions merged pointwise, equal
      integers kept; anything else cannot be merged.
    */
    mergeDefaultOption = loc: defs:
      let values = self.getValues defs; in
      if length values == 1 then head values
      else if all isFunction values then (arg: self.mergeDefaultOption loc (map (d: d // { value = d.value arg; }) defs))
      else if all isList values then builtins.concatLists values
      else if all isAttrs values then foldl' (acc: v: acc // v) { } values
      else if all isBool values then builtins.any (v: v) values
      else if all isString values then lib.concatStrings values
      else if all isInt values && all (v: v == head values) values then head values
      else throw "Cannot merge definitions of `${self.showOption loc}'. Definition values:${self.showDefs defs}";

    /**
      Merge for values that must be defined once. `message` is added to the
      error when there are several definitions; `merge` (default: take the
      value) handles the single definition.
    */
    mergeUniqueOption = { message, merge ? _loc: defs: (head defs).value }: loc: defs:
      if length defs == 1 then merge loc defs
      else assert length defs > 1;
        throw "The option `${self.showOption loc}' is defined multiple times while it's expected to be unique.\n${message}\nDefinition values:${self.showDefs defs}\n${priorityHint}";

    /** Accept exactly one definition. */
    mergeOneOption = self.mergeUniqueOption { message = ""; };

    /** Accept any number of definitions as long as they are all equal. */
    mergeEqualOption = loc: defs:
      if defs == [ ] then abort "This case should never happen."
      # A single definition needs no comparison (functions never compare equal).
      else if length defs == 1 then (head defs).value
      else
        let
          first = head defs;
          check = def:
            if def.value != first.value then
              throw "The option `${self.showOption loc}' has conflicting definition values:${self.showDefs [ first def ]}\n${priorityHint}"
            else true;
        in
        builtins.seq (all check (tail defs)) first.value;

    /** The values of a list of definitions. */
    getValues = map (d: d.value);

    /** The files of a list of definitions. */
    getFiles = map (d: d.file);

    /**
      The documentation records of every option in an option tree (as in
      `(evalModules ...).options`), sub-options of submodules included:
      each has `name`, `loc`, `description`, `declarations`, `internal`,
      `visible`, `readOnly`, `type`, and when known `default`, `example`
      and `relatedPackages`.
    */
    optionAttrSetToDocList = self.optionAttrSetToDocList' [ ];

    /** `optionAttrSetToDocList`, given the prefix of the tree (unused). */
    optionAttrSetToDocList' = _prefix: options:
      builtins.concatMap
        (opt:
          let
            name = self.showOption opt.loc;
            visible = if (opt.visible or true) == "shallow" then true else opt.visible or true;
            record = {
              inherit name visible;
              loc = opt.loc;
              description = opt.description or null;
              declarations = filter (f: f != self.unknownModule) opt.declarations;
              internal = opt.internal or false;
              readOnly = opt.readOnly or false;
              type = opt.type.description or "unspecified";
            }
            // lib.optionalAttrs (opt ? example) {
              example = builtins.addErrorContext "while evaluating the example of option `${name}`"
                (docValue opt.example);
            }
            // lib.optionalAttrs (opt ? defaultText || opt ? default) {
              default = builtins.addErrorContext
                "while evaluating the ${if opt ? defaultText then "defaultText" else "default value"} of option `${name}`"
                (docValue (opt.defaultText or opt.default));
            }
            // lib.optionalAttrs (opt ? relatedPackages && opt.relatedPackages != null) {
              inherit (opt) relatedPackages;
            };
            subOptions = opt.type.getSubOptions opt.loc;
            showSub = visible && (opt.visible or null) != "shallow";
          in
          [ record ] ++ (if showSub && subOptions != { } then self.optionAttrSetToDocList' opt.loc subOptions else [ ]))
        (lib.collect self.isOption options);

    /**
      A copy of a value that is safe to show in documentation: derivations
      are replaced by a small stand-in naming them, `_args` attributes are
      dropped, lists and attribute sets are processed recursively.
    */
    scrubOptionValue = x:
      if lib.isDerivation x then { type = "derivation"; drvPath = x.name; outPath = x.name; name = x.name; }
      else if isList x then map self.scrubOptionValue x
      else if isAttrs x then builtins.mapAttrs (_: self.scrubOptionValue) (removeAttrs x [ "_args" ])
      else x;

    /** A default or example given as Nix source text. */
    literalExpression = text:
      if !isString text then throw "literalExpression expects a string."
      else { _type = "literalExpression"; inherit text; };

    /** Deprecated alias of `literalExpression`. */
    literalExample = lib.warn "lib.literalExample is deprecated, use lib.literalExpression instead, or use lib.literalMD for a non-Nix description." self.literalExpression;

    /** A default or example given as Markdown prose. */
    literalMD = text:
      if !isString text then throw "literalMD expects a string."
      else { _type = "literalMD"; inherit text; };

    /** Descriptions are Markdown already; kept so older modules evaluate. */
    mdDoc = text: text;

    /**
      Render an option path for messages: `[ "a" "b.c" "<name>" ]` becomes
      `a."b.c".<name>`.
    */
    showOption = parts:
      concatStringsSep "."
        (map (p: if elem p placeholders then p else lib.strings.escapeNixIdentifier p) parts);

    /**
      The option's path followed by the files defining it, one per line
      ("  - file").
    */
    showOptionWithDefLocs = opt: ''
      ${self.showOption opt.loc}, with values defined in:
      ${lib.concatMapStringsSep "\n" (f: "  - ${f}") opt.files}
    '';

    /** Render a list of files as "`a' and `b'". */
    showFiles = files: concatStringsSep " and " (map (f: "`${f}'") files);

    /**
      Render definitions for an error message: one "- In `file': value" line
      each, values pretty-printed and cut to ten lines.
    */
    showDefs = defs: lib.concatMapStrings
      (def:
        let
          shown = tryEval (lib.generators.toPretty { }
            (lib.generators.withRecursion { depthLimit = 10; throwOnDepthLimit = false; } def.value));
          lines = lib.splitString "\n" shown.value;
          kept = lib.take 10 lines ++ (if length lines > 10 then [ "..." ] else [ ]);
          body = concatStringsSep "\n    " kept;
          rendered =
            if !shown.success then ""
            else if length lines > 1 then ":\n    " + body
            else ": " + body;
        in
        "\n- In `${def.file}'${rendered}")
      defs;

    /** Name used for definitions and declarations whose file is not known. */
    unknownModule = "<unknown-file>";
  };
in
self
