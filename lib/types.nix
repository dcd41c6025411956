# Option types: how definitions are checked, merged and described.
{ lib }:

let
  inherit (builtins)
    all
    any
    attrNames
    concatLists
    concatStringsSep
    elem
    elemAt
    filter
    foldl'
    head
    isAttrs
    isBool
    isFloat
    isFunction
    isInt
    isList
    isString
    length
    mapAttrs
    tail
    toJSON
    typeOf
    zipAttrsWith
    ;
  inherit (lib)
    mergeEqualOption
    mergeOneOption
    mergeUniqueOption
    showFiles
    showOption
    getFiles
    ;

  isStringLike = x: isString x || builtins.isPath x || (isAttrs x && (x ? outPath || x ? __toString));

  # `t.description`, in parentheses unless its class is one `bare` accepts.
  phrase = bare: t:
    if bare (t.descriptionClass or null) then t.description else "(${t.description})";

  isNoun = c: c == "noun";
  nounOrComposite = c: c == "noun" || c == "composite";
  nounOrConjunction = c: c == "noun" || c == "conjunction";

  # The definitions of an attribute set type, split per attribute, each
  # keeping the file it came from.
  splitAttrDefs = defs:
    map (def: mapAttrs (_: v: { inherit (def) file; value = v; }) def.value) defs;

  types = {

    /** True when `x` is an option type. */
    isType = type: x: (x._type or "") == type;

    /** Mark `x` as being of kind `typeName` (sets `_type`). */
    setType = typeName: value: value // { _type = typeName; };

    /** True when `t` is an option type (made by `mkOptionType`). */
    isOptionType = t: isAttrs t && (t._type or "") == "option-type";

    /**
      The functor of a type without parameters: types with equal names merge
      into `types.${name}`.
    */
    defaultFunctor = name: {
      inherit name;
      type = types.${name} or null;
      wrapped = null;
      payload = null;
      binOp = _: _: null;
    };

    /**
      How two declarations' types merge (for options declared in several
      modules): same functor name required, then parameters (payload)
      are combined with `binOp`, or the wrapped types merged; null when
      they cannot be merged.
    */
    defaultTypeMerge = f: f':
      if f.name != f'.name then null
      else if f.payload != null && f'.payload != null then
        let merged = f.binOp f.payload f'.payload; in
        if merged == null then null else f.type merged
      else if f.wrapped != null && f'.wrapped != null then
        let merged = f.wrapped.typeMerge f'.wrapped.functor; in
        if merged == null then null else f.type merged
      else if f.payload == null && f'.payload == null && f.wrapped == null && f'.wrapped == null then
        f.type
      else null;

    /**
      Build an option type. `name` is required; `description` defaults to
      the name; `check` accepts everything; `merge` defaults to
      `mergeDefaultOption`; `emptyValue` is `{ value = ...; }` when the type
      has a natural empty value; `getSubOptions`, `getSubModules`,
      `substSubModules` serve submodules; `typeMerge` and `functor` serve
      declaration merging; `nestedTypes` lists contained types.
    */
    mkOptionType =
      { name
      , description ? null
      , descriptionClass ? null
      , check ? (_: true)
      , merge ? lib.mergeDefaultOption
      , emptyValue ? { }
      , getSubOptions ? _prefix: { }
      , getSubModules ? null
      , substSubModules ? _m: null
      , typeMerge ? types.defaultTypeMerge functor
      , functor ? types.defaultFunctor name
      , deprecationMessage ? null
      , nestedTypes ? { }
      }:
      {
        _type = "option-type";
        inherit name check merge emptyValue getSubOptions getSubModules substSubModules
          typeMerge functor deprecationMessage nestedTypes descriptionClass;
        description = if description == null then name else description;
      };

    /** Check `elemType`'s values with the extra predicate `check` too. */
    addCheck = elemType: check: elemType // { check = x: elemType.check x && check x; };

    # ---- values that are taken as they are

    /** Any value; a single definition only. */
    raw = types.mkOptionType {
      name = "raw";
      description = "raw value";
      descriptionClass = "noun";
      check = _: true;
      merge = mergeOneOption;
    };

    /**
      Any value; attribute sets are merged recursively, functions pointwise,
      other values must be equal.
    */
    anything = types.mkOptionType {
      name = "anything";
      description = "anything";
      descriptionClass = "noun";
      check = _: true;
      merge = loc: defs:
        let
          kindOf = v: if isAttrs v && isStringLike v then "stringCoercibleSet" else typeOf v;
          kind = foldl'
            (k: def:
              if kindOf def.value == k then k
              else throw "The option `${showOption loc}' has conflicting option types in ${showFiles (getFiles defs)}")
            (kindOf (head defs).value)
            defs;
        in
        if kind == "set" then (types.attrsOf types.anything).merge loc defs
        else if kind == "stringCoercibleSet" then mergeOneOption loc defs
        else if kind == "lambda" then
          (arg: types.anything.merge (loc ++ [ "<function body>" ])
            (map (def: { inherit (def) file; value = def.value arg; }) defs))
        else mergeEqualOption loc defs;
    };

    /** A value of unspecified type, merged by `mergeDefaultOption`. */
    unspecified = types.mkOptionType {
      name = "unspecified";
      description = "unspecified value";
      descriptionClass = "noun";
    };

    # ---- booleans and numbers

    /** true or false; all definitions must agree. */
    bool = types.mkOptionType {
      name = "bool";
      description = "boolean";
      descriptionClass = "noun";
      check = isBool;
      merge = mergeEqualOption;
    };

    /** true or false; true when any definition is true. */
    boolByOr = types.mkOptionType {
      name = "boolByOr";
      description = "boolean (merged using or)";
      descriptionClass = "noun";
      check = isBool;
      merge = _loc: defs: foldl' (acc: def: acc || def.value) false defs;
    };

    /** An integer; all definitions must agree. */
    int = types.mkOptionType {
      name = "int";
      description = "signed integer";
      descriptionClass = "noun";
      check = isInt;
      merge = mergeEqualOption;
    };

    /** Integers restricted to ranges. */
    ints =
      let
        rangeText = lo: hi: "${toString lo} and ${toString hi} (both inclusive)";
        between = lo: hi:
          assert lib.assertMsg (lo <= hi) "ints.between: lowest must be smaller than highest";
          types.addCheck types.int (x: x >= lo && x <= hi) // {
            name = "intBetween";
            description = "integer between ${rangeText lo hi}";
          };
        sized = lo: hi: name: what: between lo hi // {
          inherit name;
          description = "${what}; between ${rangeText lo hi}";
        };
        unsignedBits = bits: size: sized 0 (size - 1) "unsignedInt${toString bits}" "${toString bits} bit unsigned integer";
        signedBits = bits: size: sized (0 - size / 2) (size / 2 - 1) "signedInt${toString bits}" "${toString bits} bit signed integer";
      in
      {
        inherit between;
        unsigned = types.addCheck types.int (x: x >= 0) // {
          name = "unsignedInt";
          description = "unsigned integer, meaning >=0";
          descriptionClass = "nonRestrictiveClause";
        };
        positive = types.addCheck types.int (x: x > 0) // {
          name = "positiveInt";
          description = "positive integer, meaning >0";
          descriptionClass = "nonRestrictiveClause";
        };
        u8 = unsignedBits 8 256;
        u16 = unsignedBits 16 65536;
        # 2^32 written out: the literal fits in 64 bits.
        u32 = unsignedBits 32 4294967296;
        s8 = signedBits 8 256;
        s16 = signedBits 16 65536;
        s32 = signedBits 32 4294967296;
      };

    /** A TCP/UDP port number (0 to 65535). */
    port = types.ints.u16;

    /** A floating point number; all definitions must agree. */
    float = types.mkOptionType {
      name = "float";
      description = "floating point number";
      descriptionClass = "noun";
      check = isFloat;
      merge = mergeEqualOption;
    };

    /** An integer or a float. */
    number = types.either types.int types.float;

    /** Numbers (integers or floats) restricted to ranges. */
    numbers =
      let rangeText = lo: hi: "${toJSON lo} and ${toJSON hi} (both inclusive)"; in
      {
        between = lo: hi:
          assert lib.assertMsg (lo <= hi) "numbers.between: lowest must be smaller than highest";
          types.addCheck types.number (x: x >= lo && x <= hi) // {
            name = "numberBetween";
            description = "integer or floating point number between ${rangeText lo hi}";
          };
        nonnegative = types.addCheck types.number (x: x >= 0) // {
          name = "numberNonnegative";
          description = "nonnegative integer or floating point number, meaning >=0";
          descriptionClass = "nonRestrictiveClause";
        };
        positive = types.addCheck types.number (x: x > 0) // {
          name = "numberPositive";
          description = "positive integer or floating point number, meaning >0";
          descriptionClass = "nonRestrictiveClause";
        };
      };

    # ---- strings

    /** A string; all definitions must agree. */
    str = types.mkOptionType {
      name = "str";
      description = "string";
      descriptionClass = "noun";
      check = isString;
      merge = mergeEqualOption;
    };

    /** A string with at least one non-space character. */
    nonEmptyStr = types.mkOptionType {
      name = "nonEmptyStr";
      description = "non-empty string";
      descriptionClass = "noun";
      check = x: types.str.check x && builtins.match "[ \t\n]*" x == null;
      inherit (types.str) merge;
    };

    /** A string without line breaks (a final newline is allowed and dropped). */
    singleLineStr =
      let base = types.strMatching "[^\n\r]*\n?"; in
      types.mkOptionType {
        name = "singleLineStr";
        description = "(optionally newline-terminated) single-line string";
        descriptionClass = "noun";
        inherit (base) check;
        merge = loc: defs: lib.removeSuffix "\n" (base.merge loc defs);
      };

    /** A string matching the POSIX extended regular expression `pattern`. */
    strMatching = pattern: types.mkOptionType {
      name = "strMatching ${lib.strings.escapeNixString pattern}";
      description = "string matching the pattern ${pattern}";
      descriptionClass = "noun";
      check = x: types.str.check x && builtins.match pattern x != null;
      inherit (types.str) merge;
      functor = types.defaultFunctor "strMatching" // {
        type = payload: types.strMatching payload.pattern;
        payload = { inherit pattern; };
        binOp = a: b: if a == b then a else null;
      };
    };

    /** Strings; several definitions are joined with `sep`. */
    separatedString = sep: types.mkOptionType {
      name = "separatedString";
      description = "strings concatenated with ${toJSON sep}";
      descriptionClass = "noun";
      check = isString;
      merge = _loc: defs: concatStringsSep sep (lib.getValues defs);
      functor = types.defaultFunctor "separatedString" // {
        type = payload: types.separatedString payload.sep;
        payload = { inherit sep; };
        binOp = a: b: if a.sep == b.sep then { inherit (a) sep; } else null;
      };
    };

    /** Strings joined with newlines. */
    lines = types.separatedString "\n";

    /** Strings joined with commas. */
    commas = types.separatedString ",";

    /** Strings joined with colons (like PATH). */
    envVar = types.separatedString ":";

    /**
      A field of /etc/passwd or /etc/group: `entryType` without colons or
      newlines.
    */
    passwdEntry = entryType: types.addCheck entryType (s: !(lib.hasInfix ":" s || lib.hasInfix "\n" s)) // {
      name = "passwdEntry ${entryType.name}";
      description = "${phrase isNoun entryType}, not containing newlines or colons";
      descriptionClass = "nonRestrictiveClause";
    };

    # ---- paths and packages

    /**
      A file system path, given as a path value or a string (or anything
      that converts to one). `absolute`: must (true) or must not (false)
      start with `/`; `inStore`: must (true) or must not (false) be inside
      the Nix store; null leaves either free.
    */
    pathWith = { inStore ? null, absolute ? null }:
      if inStore == true && absolute == false then
        throw "In pathWith, inStore means the path must be absolute"
      else
        types.mkOptionType {
          name = "path";
          description =
            (if absolute == null then "" else if absolute then "absolute " else "relative ")
            + "path"
            + (if inStore == null then "" else if inStore then " in the Nix store" else " not in the Nix store");
          descriptionClass = "noun";
          check = x:
            let
              text = builtins.unsafeDiscardStringContext (toString x);
              storePrefix = builtins.storeDir + "/";
              # A path in the store names at least a store object: /nix/store/<name>...
              inStoreNow =
                let n = builtins.stringLength storePrefix; in
                builtins.substring 0 n text == storePrefix && builtins.stringLength text > n;
              isAbsolute = (x.type or null) == "derivation" || builtins.substring 0 1 (toString x) == "/";
              rightKind = if inStore == null || inStore then isStringLike x else isString x;
            in
            rightKind
            && (inStore == null || inStore == inStoreNow)
            && (absolute == null || absolute == isAbsolute);
          merge = mergeEqualOption;
          functor = types.defaultFunctor "path" // {
            type = types.pathWith;
            payload = { inherit inStore absolute; };
            binOp = a: b: if a == b then a else null;
          };
        };

    /** An absolute path (a path value or a string starting with `/`). */
    path = types.pathWith { absolute = true; };

    /** A path inside the Nix store. */
    pathInStore = types.pathWith { inStore = true; };

    /** An absolute path outside the Nix store (given as a string). */
    externalPath = types.pathWith { absolute = true; inStore = false; };

    /** A derivation or a store path; a single definition. */
    package = types.mkOptionType {
      name = "package";
      descriptionClass = "noun";
      check = x: lib.isDerivation x || lib.isStorePath x;
      merge = loc: defs:
        let v = mergeOneOption loc defs; in
        if builtins.isPath v || (isString v && !builtins.hasContext v) then lib.toDerivation v else v;
    };

    /** A package that is a shell (has `shellPath`). */
    shellPackage = types.package // {
      check = x: lib.isDerivation x && x ? shellPath;
    };

    /** A Nixpkgs package set; a single definition. */
    pkgs = types.addCheck
      (types.unique { message = "A Nixpkgs pkgs set can not be merged with another pkgs set."; } types.attrs // {
        name = "pkgs";
        descriptionClass = "noun";
        description = "Nixpkgs package set";
      })
      (x: (x._type or null) == "pkgs");

    # ---- attribute sets and lists

    /** An attribute set; definitions are merged with `//`, left to right. */
    attrs = types.mkOptionType {
      name = "attrs";
      description = "attribute set";
      check = isAttrs;
      merge = _loc: foldl' (acc: def: acc // def.value) { };
      emptyValue = { value = { }; };
    };

    /** A list of `elemType` values; definitions are concatenated in order. */
    listOf = elemType: types.mkOptionType {
      name = "listOf";
      description = "list of ${phrase nounOrComposite elemType}";
      descriptionClass = "composite";
      check = isList;
      merge = loc: defs:
        let
          entries = concatLists (lib.imap1
            (n: def: lib.imap1
              (m: v:
                (lib.modules.mergeDefinitions
                  (loc ++ [ "[definition ${toString n}-entry ${toString m}]" ])
                  elemType
                  [{ inherit (def) file; value = v; }]).optionalValue)
              def.value)
            defs);
        in
        map (e: e.value) (filter (e: e ? value) entries);
      emptyValue = { value = [ ]; };
      getSubOptions = prefix: elemType.getSubOptions (prefix ++ [ "*" ]);
      getSubModules = elemType.getSubModules;
      substSubModules = m: types.listOf (elemType.substSubModules m);
      functor = types.defaultFunctor "listOf" // { wrapped = elemType; };
      nestedTypes.elemType = elemType;
    };

    /** A list of `elemType` values with at least one element. */
    nonEmptyListOf = elemType:
      let list = types.addCheck (types.listOf elemType) (l: l != [ ]); in
      list // {
        description = "non-empty ${phrase isNoun list}";
        emptyValue = { };
        substSubModules = m: types.nonEmptyListOf (elemType.substSubModules m);
      };

    /**
      Attribute sets of `elemType`, with options: `lazy` (attributes are
      merged on access; attributes whose definitions all vanish under mkIf
      stay present and fail when read) and `placeholder` (the name shown for
      the attribute in option paths, default "name").
    */
    attrsWith = { elemType, lazy ? false, placeholder ? "name" }: types.mkOptionType {
      name = if lazy then "lazyAttrsOf" else "attrsOf";
      description = (if lazy then "lazy attribute set" else "attribute set")
        + " of ${phrase nounOrComposite elemType}";
      descriptionClass = "composite";
      check = isAttrs;
      # (natively in sysnix: builtins/modules/)
      merge =
        if builtins ? __sysnixMergeAttrsOf then builtins.__sysnixMergeAttrsOf lib.modules.mergeDefinitions elemType lazy
        else if lazy then
          loc: defs: zipAttrsWith
            (name: defs':
              let merged = lib.modules.mergeDefinitions (loc ++ [ name ]) elemType defs'; in
              # Reading an attribute with no remaining definition reports it.
              merged.optionalValue.value or elemType.emptyValue.value or merged.mergedValue)
            (splitAttrDefs defs)
        else
          loc: defs:
            let
              perName = zipAttrsWith
                (name: defs': (lib.modules.mergeDefinitions (loc ++ [ name ]) elemType defs').optionalValue)
                (splitAttrDefs defs);
            in
            mapAttrs (_: v: v.value) (lib.filterAttrs (_: v: v ? value) perName);
      emptyValue = { value = { }; };
      getSubOptions = prefix: elemType.getSubOptions (prefix ++ [ "<${placeholder}>" ]);
      getSubModules = elemType.getSubModules;
      substSubModules = m: types.attrsWith { elemType = elemType.substSubModules m; inherit lazy placeholder; };
      functor = types.defaultFunctor "attrsWith" // {
        type = payload: types.attrsWith payload;
        payload = { inherit elemType lazy placeholder; };
        binOp = a: b:
          let
            elemType' = a.elemType.typeMerge b.elemType.functor;
            placeholder' =
              if a.placeholder == b.placeholder then a.placeholder
              else if a.placeholder == "name" then b.placeholder
              else if b.placeholder == "name" then a.placeholder
              else null;
          in
          if elemType' == null || a.lazy != b.lazy || placeholder' == null then null
          else { elemType = elemType'; lazy = a.lazy; placeholder = placeholder'; };
      };
      nestedTypes.elemType = elemType;
    };

    /** Attribute set of `elemType` values, merged per attribute. */
    attrsOf = elemType: types.attrsWith { inherit elemType; };

    /**
      Attribute set of `elemType` values whose attributes are merged only
      when read (an attribute whose definitions are all under a false mkIf is
      still present).
    */
    lazyAttrsOf = elemType: types.attrsWith { inherit elemType; lazy = true; };

    # ---- combinators

    /** `elemType`, but only a single definition is allowed. */
    uniq = types.unique { message = ""; };

    /** `type`, but only a single definition is allowed; `message` explains why. */
    unique = { message }: type: types.mkOptionType {
      name = "unique";
      inherit (type) description descriptionClass check;
      merge = mergeUniqueOption { inherit message; inherit (type) merge; };
      emptyValue = type.emptyValue;
      getSubOptions = type.getSubOptions;
      getSubModules = type.getSubModules;
      substSubModules = m: types.uniq (type.substSubModules m);
      functor = types.defaultFunctor "unique" // { wrapped = type; };
      nestedTypes.elemType = type;
    };

    /** `elemType` or null; definitions must be all null or none null. */
    nullOr = elemType: types.mkOptionType {
      name = "nullOr";
      description = "null or ${phrase nounOrConjunction elemType}";
      descriptionClass = "conjunction";
      check = x: x == null || elemType.check x;
      merge = loc: defs:
        let nulls = lib.count (def: def.value == null) defs; in
        if nulls == length defs then null
        else if nulls != 0 then
          throw "The option `${showOption loc}' is defined both null and not null, in ${showFiles (getFiles defs)}."
        else elemType.merge loc defs;
      emptyValue = { value = null; };
      getSubOptions = elemType.getSubOptions;
      getSubModules = elemType.getSubModules;
      substSubModules = m: types.nullOr (elemType.substSubModules m);
      functor = types.defaultFunctor "nullOr" // { wrapped = elemType; };
      nestedTypes.elemType = elemType;
    };

    /** A function whose results are of type `elemType`, merged per call. */
    functionTo = elemType: types.mkOptionType {
      name = "functionTo";
      description = "function that evaluates to a(n) ${phrase nounOrComposite elemType}";
      descriptionClass = "composite";
      check = isFunction;
      merge = loc: defs: arg:
        (lib.modules.mergeDefinitions (loc ++ [ "<function body>" ]) elemType
          (map (def: { inherit (def) file; value = def.value arg; }) defs)).mergedValue;
      getSubOptions = prefix: elemType.getSubOptions (prefix ++ [ "<function body>" ]);
      getSubModules = elemType.getSubModules;
      substSubModules = m: types.functionTo (elemType.substSubModules m);
      functor = types.defaultFunctor "functionTo" // { wrapped = elemType; };
      nestedTypes.elemType = elemType;
    };

    /**
      A value of type `t1` or `t2`: merged by `t1` when every definition is a
      `t1`, else by `t2` when every definition is a `t2`, else only a single
      definition is accepted.
    */
    either = t1: t2: types.mkOptionType {
      name = "either";
      description = "${phrase nounOrConjunction t1} or ${phrase (c: nounOrConjunction c || c == "composite") t2}";
      descriptionClass = "conjunction";
      check = x: t1.check x || t2.check x;
      merge = loc: defs:
        let values = lib.getValues defs; in
        if all t1.check values then t1.merge loc defs
        else if all t2.check values then t2.merge loc defs
        else mergeOneOption loc defs;
      typeMerge = f':
        if f'.name != "either" then null
        else
          let
            left = t1.typeMerge (elemAt f'.wrapped 0).functor;
            right = t2.typeMerge (elemAt f'.wrapped 1).functor;
          in
          if left == null || right == null then null else types.either left right;
      functor = types.defaultFunctor "either" // { wrapped = [ t1 t2 ]; };
      nestedTypes.left = t1;
      nestedTypes.right = t2;
    };

    /** `either` over a non-empty list of types. */
    oneOf = ts:
      if ts == [ ] then throw "types.oneOf needs to get at least one type in its argument"
      else foldl' types.either (head ts) (tail ts);

    /**
      Values of `finalType`, or of `coercedType` converted by `coerceFunc`
      before merging.
    */
    coercedTo = coercedType: coerceFunc: finalType:
      assert lib.assertMsg (coercedType.getSubModules == null)
        "coercedTo: coercedType must not have submodules (it’s a ${coercedType.description})";
      types.mkOptionType {
        name = "coercedTo";
        description = "${phrase isNoun finalType} or ${phrase isNoun coercedType} convertible to it";
        check = x: (coercedType.check x && finalType.check (coerceFunc x)) || finalType.check x;
        merge = loc: defs:
          let convert = v: if coercedType.check v then coerceFunc v else v; in
          finalType.merge loc (map (def: def // { value = convert def.value; }) defs);
        emptyValue = finalType.emptyValue;
        getSubOptions = finalType.getSubOptions;
        getSubModules = finalType.getSubModules;
        substSubModules = m: types.coercedTo coercedType coerceFunc (finalType.substSubModules m);
        typeMerge = _: null;
        functor = types.defaultFunctor "coercedTo" // { wrapped = finalType; };
        nestedTypes.coercedType = coercedType;
        nestedTypes.finalType = finalType;
      };

    /** One of the given values (strings, numbers, booleans...). */
    enum = values:
      let
        show = v:
          if isString v then ''"${v}"''
          else if isInt v then toString v
          else if isBool v then lib.boolToString v
          else "<${typeOf v}>";
      in
      types.mkOptionType {
        name = "enum";
        description =
          if values == [ ] then "impossible (empty enum)"
          else if length values == 1 then "value ${show (head values)} (singular enum)"
          else "one of ${concatStringsSep ", " (map show values)}";
        descriptionClass = if length values < 2 then "noun" else "conjunction";
        check = v: elem v values;
        merge = mergeEqualOption;
        functor = types.defaultFunctor "enum" // {
          type = payload: types.enum payload.values;
          payload = { inherit values; };
          binOp = a: b: { values = lib.unique (a.values ++ b.values); };
        };
      };

    /**
      An option type as a value; several definitions are merged as if they
      were declarations of one option (so submodules combine).
    */
    optionType = types.mkOptionType {
      name = "optionType";
      description = "optionType";
      descriptionClass = "noun";
      check = v: (v._type or null) == "option-type";
      merge = loc: defs:
        if length defs == 1 then (head defs).value
        else
          let
            asDecls = map
              (def: {
                _file = def.file;
                options = lib.mkOption { type = def.value; };
              })
              defs;
          in
          (lib.modules.fixupOptionType loc (lib.modules.mergeOptionDecls loc asDecls)).type;
    };

    /**
      An attribute set with exactly one attribute, whose name is one of the
      `tags` and whose value is defined like the option declared for that
      tag (`tags` maps names to `mkOption` declarations).
    */
    attrTag = tagDecls:
      let
        posOf = n: builtins.unsafeGetAttrPos n tagDecls;
        tags = mapAttrs
          (n: opt:
            builtins.addErrorContext "while checking that attrTag tag ${lib.strings.escapeNixIdentifier n} is an option with a type"
              (if (opt._type or null) != "option" then
                throw ("In attrTag, each tag value must be an option, but tag ${lib.strings.escapeNixIdentifier n} "
                  + (if !(opt ? _type) then "was not."
                  else if opt._type == "option-type" then "was a bare type, not wrapped in mkOption."
                  else "was of type ${lib.strings.escapeNixString opt._type}."))
              else
                opt // {
                  declarations = opt.declarations or (if posOf n == null then [ ] else [ (posOf n).file ]);
                  declarationPositions = opt.declarationPositions or (if posOf n == null then [ ] else [ (posOf n) ]);
                }))
          tagDecls;
        choices = concatStringsSep ", " (map lib.strings.escapeNixIdentifier (attrNames tags));
      in
      types.mkOptionType {
        name = "attrTag";
        description = "attribute-tagged union with choices: ${choices}";
        descriptionClass = "noun";
        check = v: isAttrs v && length (attrNames v) == 1 && tags ? ${head (attrNames v)};
        merge = loc: defs:
          let
            choice = head (attrNames (head defs).value);
            unwrapped = map
              (def:
                let this = head (attrNames def.value); in
                if this != choice then
                  throw "The option `${showOption loc}` is defined both as `${choice}` and `${this}`, in ${showFiles (getFiles defs)}."
                else { inherit (def) file; value = def.value.${choice}; })
              defs;
          in
          { ${choice} = (lib.modules.evalOptionValue (loc ++ [ choice ]) tags.${choice} unwrapped).value; };
        getSubOptions = prefix: mapAttrs (n: opt: opt // { loc = prefix ++ [ n ]; }) tags;
        nestedTypes = tags;
        functor = types.defaultFunctor "attrTag" // {
          type = { tags, ... }: types.attrTag tags;
          payload = { inherit tags; };
          binOp = a: b: {
            tags = a.tags // b.tags // mapAttrs
              (n: bOpt:
                lib.modules.mergeOptionDecls [ n ] [
                  { options = a.tags.${n}; _file = "<attrTag {...}>"; pos = null; }
                  { options = bOpt; _file = "<attrTag {...}>"; pos = null; }
                ] // {
                  declarations = a.tags.${n}.declarations ++ bOpt.declarations;
                  declarationPositions = a.tags.${n}.declarationPositions ++ bOpt.declarationPositions;
                })
              (builtins.intersectAttrs a.tags b.tags);
          };
        };
      };
  }
  # Types whose values are modules (submodule, submoduleWith, deferredModule).
  // import ./types-modules.nix { inherit lib types; }
  # Secrets (secret, secretFile).
  // import ./types-secrets.nix { inherit lib types; };
in
types
