# Small general-purpose functions: combinators, booleans, numbers,
# warnings and assertions on values, function-argument reflection, versions.
{ lib }:

let
  inherit (builtins) isInt isAttrs elem getEnv;

  # Render a digit 0..15 as one upper-case hexadecimal character.
  hexDigitChars = [ "0" "1" "2" "3" "4" "5" "6" "7" "8" "9" "A" "B" "C" "D" "E" "F" ];

  # True when warnings should abort evaluation (NIX_ABORT_ON_WARN set to 1/true/yes).
  abortOnWarn = elem (getEnv "NIX_ABORT_ON_WARN") [ "1" "true" "yes" ];

  self = rec {

    # id :: a -> a
    # The identity function.
    # Example: id 5 => 5
    id = x: x;

    # const :: a -> b -> a
    # Ignore the second argument, return the first.
    # Example: map (const 1) [ "a" "b" ] => [ 1 1 ]
    const = x: _: x;

    # pipe :: a -> [ (a -> a) ] -> a
    # Feed a value through a list of functions, first to last.
    # Example: pipe 2 [ (x: x + 1) (x: x * 10) ] => 30
    pipe = value: fns: builtins.foldl' (acc: fn: fn acc) value fns;

    # concat :: [a] -> [a] -> [a]
    # List concatenation as a function.
    # Example: concat [ 1 ] [ 2 ] => [ 1 2 ]
    concat = a: b: a ++ b;

    # or :: bool -> bool -> bool
    # Boolean disjunction as a function.
    # Example: or true false => true
    "or" = a: b: a || b;

    # and :: bool -> bool -> bool
    # Boolean conjunction as a function.
    # Example: and true false => false
    "and" = a: b: a && b;

    # xor :: bool -> bool -> bool
    # Exclusive or.
    # Example: xor true true => false
    xor = a: b: (!a) != (!b);

    # bitAnd, bitOr, bitXor :: int -> int -> int
    # Bitwise operations (the builtins).
    # Example: bitAnd 12 10 => 8
    bitAnd = builtins.bitAnd;
    bitOr = builtins.bitOr;
    bitXor = builtins.bitXor;

    # bitNot :: int -> int
    # Bitwise complement (two's complement).
    # Example: bitNot 0 => -1
    bitNot = x: builtins.sub (-1) x;

    # boolToString :: bool -> string
    # "true" or "false".
    # Example: boolToString false => "false"
    boolToString = b: if b then "true" else "false";

    # mergeAttrs :: attrs -> attrs -> attrs
    # Right-biased union of two attribute sets (`a // b`).
    # Example: mergeAttrs { a = 1; } { a = 2; b = 3; } => { a = 2; b = 3; }
    mergeAttrs = a: b: a // b;

    # flip :: (a -> b -> c) -> b -> a -> c
    # Swap the first two arguments of a function.
    # Example: flip builtins.sub 1 10 => 9
    flip = f: b: a: f a b;

    # defaultTo :: a -> (a | null) -> a
    # The second argument unless it is null, else the default.
    # Example: defaultTo 3 null => 3
    defaultTo = default: value: if value == null then default else value;

    # mapNullable :: (a -> b) -> (a | null) -> (b | null)
    # Apply a function unless the value is null.
    # Example: mapNullable (x: x + 1) null => null
    mapNullable = f: value: if value == null then null else f value;

    # Re-exported builtins.
    inherit (builtins)
      pathExists readFile isBool isInt isFloat add sub lessThan
      seq deepSeq genericClosure
      ;

    # version, release, codeName, versionSuffix: the nixpkgs release sysnix's lib follows.
    release = "24.05";
    codeName = "Uakari";
    versionSuffix = "pre-sysnix";
    version = release + versionSuffix;

    # revisionWithDefault :: string -> string
    # The git revision of the lib; sysnix has none, so always the default.
    # Example: revisionWithDefault "master" => "master"
    revisionWithDefault = default: default;

    # nixpkgsVersion: deprecated alias of `version`.
    nixpkgsVersion = warn "lib.nixpkgsVersion is a deprecated alias of lib.version." version;

    # oldestSupportedRelease :: int
    # The oldest release (YYMM) whose interfaces this lib still supports.
    oldestSupportedRelease = 2311;

    # isInOldestRelease :: int -> bool
    # Whether the given release (YYMM) is at or before the oldest supported release.
    # Example: isInOldestRelease 2305 => true
    isInOldestRelease = release: release <= oldestSupportedRelease;

    # oldestSupportedReleaseIsAtLeast :: int -> bool
    # Whether the oldest supported release is at least the given one.
    oldestSupportedReleaseIsAtLeast = release: release <= oldestSupportedRelease;

    # inNixShell :: bool
    # Whether evaluation runs inside nix-shell (IN_NIX_SHELL is set).
    inNixShell = getEnv "IN_NIX_SHELL" != "";

    # inPureEvalMode :: bool
    # Whether evaluation is pure (no builtins.currentSystem).
    inPureEvalMode = !(builtins ? currentSystem);

    # min, max :: a -> a -> a
    # The smaller / larger of two comparable values.
    # Example: min 3 1 => 1
    min = a: b: if a < b then a else b;
    max = a: b: if a > b then a else b;

    # mod :: int -> int -> int
    # Remainder of integer division, with the sign of the dividend.
    # Example: mod 11 10 => 1; mod (-11) 10 => -1
    mod = base: int: base - (int * (builtins.div base int));

    # compare :: a -> a -> int
    # -1, 0 or 1 as the first value is smaller, equal or larger.
    # Example: compare "a" "b" => -1
    compare = a: b: if a < b then -1 else if a > b then 1 else 0;

    # splitByAndCompare :: (a -> bool) -> (a -> a -> int) -> (a -> a -> int) -> a -> a -> int
    # Order values satisfying the predicate before the others; compare each
    # group with its own comparator.
    # Example: splitByAndCompare (hasPrefix "foo") compare compare "foo" "bar" => -1
    splitByAndCompare = pred: cmpYes: cmpNo: a: b:
      let pa = pred a; pb = pred b; in
      if pa && pb then cmpYes a b
      else if pa then -1
      else if pb then 1
      else cmpNo a b;

    # importJSON :: path -> any
    # Read and parse a JSON file.
    # Example: importJSON ./data.json
    importJSON = path: builtins.fromJSON (builtins.readFile path);

    # importTOML :: path -> any
    # Read and parse a TOML file.
    # Example: importTOML ./config.toml
    importTOML = path: builtins.fromTOML (builtins.readFile path);

    # warn :: string -> a -> a
    # Print a warning (as a trace in red) and return the second argument.
    # With NIX_ABORT_ON_WARN=1 the warning aborts evaluation.
    # Example: warn "old option" 5 => 5 (and prints the warning)
    warn =
      if abortOnWarn then
        msg: builtins.trace "[1;31mwarning: ${msg}[0m"
          (abort "NIX_ABORT_ON_WARN=true; warnings are treated as unrecoverable errors.")
      else
        msg: builtins.trace "[1;31mwarning: ${msg}[0m";

    # warnIf :: bool -> string -> a -> a
    # `warn` when the condition holds, otherwise the identity.
    # Example: warnIf false "x" 1 => 1
    warnIf = cond: msg: if cond then warn msg else id;

    # warnIfNot :: bool -> string -> a -> a
    # `warn` unless the condition holds.
    # Example: warnIfNot true "x" 1 => 1
    warnIfNot = cond: msg: if cond then id else warn msg;

    # throwIfNot :: bool -> string -> a -> a
    # Throw the message unless the condition holds; otherwise the identity.
    # Example: throwIfNot (x > 0) "x must be positive" x
    throwIfNot = cond: msg: if cond then id else throw msg;

    # throwIf :: bool -> string -> a -> a
    # Throw the message when the condition holds; otherwise the identity.
    # Example: throwIf false "boom" 3 => 3
    throwIf = cond: msg: if cond then throw msg else id;

    # checkListOfEnum :: string -> [a] -> [a] -> b -> b
    # Throw unless every given value is one of the valid ones.
    # Example: checkListOfEnum "color" [ "red" "blue" ] [ "red" ] true => true
    checkListOfEnum = msg: valid: given:
      let
        bad = builtins.filter (x: !(elem x valid)) given;
        show = xs: builtins.concatStringsSep ", " (map toString xs);
      in
      throwIfNot (bad == [ ])
        "${msg}: ${show bad} unexpected; valid ones: ${show valid}";

    # info :: string -> a -> a
    # Print an informational trace and return the second argument.
    # Example: info "hello" 1 => 1 (trace: INFO: hello)
    info = msg: builtins.trace "INFO: ${msg}";

    # showWarnings :: [string] -> a -> a
    # Emit each warning (in list order) and return the value.
    # Example: showWarnings [ "a" "b" ] 1 => 1
    showWarnings = warnings: value:
      lib.lists.foldr (w: acc: warn w acc) value warnings;

    # setFunctionArgs :: (a -> b) -> attrs -> functor
    # Attach argument metadata (as `builtins.functionArgs` reports it) to a function.
    # Example: functionArgs (setFunctionArgs (x: x) { a = false; }) => { a = false; }
    setFunctionArgs = f: args: {
      __functor = _: f;
      __functionArgs = args;
    };

    # functionArgs :: (a -> b) -> attrs
    # Formal arguments of a function or functor, name -> has-default.
    # Example: functionArgs ({ a, b ? 1 }: a) => { a = false; b = true; }
    functionArgs = f:
      if f ? __functor
      then f.__functionArgs or (functionArgs (f.__functor f))
      else builtins.functionArgs f;

    # isFunction :: a -> bool
    # True for functions and for attribute sets with a callable __functor.
    # Example: isFunction { __functor = self: x: x; } => true
    isFunction = f: builtins.isFunction f || (f ? __functor && isFunction (f.__functor f));

    # mirrorFunctionArgs :: (a -> b) -> (c -> d) -> functor
    # Give the second function the argument metadata of the first.
    # Example: functionArgs (mirrorFunctionArgs ({ a }: a) (x: x)) => { a = false; }
    mirrorFunctionArgs = f:
      let args = functionArgs f; in
      g: setFunctionArgs g args;

    # toFunction :: (a | (b -> a)) -> b -> a
    # Turn a value into a function ignoring its argument; functions stay as they are.
    # Example: toFunction 5 "anything" => 5
    toFunction = v: if isFunction v then v else _: v;

    # toBaseDigits :: int -> int -> [int]
    # Digits of a non-negative integer in the given base, most significant first.
    # Example: toBaseDigits 2 6 => [ 1 1 0 ]
    toBaseDigits = base: n:
      assert isInt base;
      assert isInt n;
      assert base >= 2;
      assert n >= 0;
      let
        go = acc: m:
          let q = builtins.div m base; digit = m - q * base; in
          if m < base then [ m ] ++ acc else go ([ digit ] ++ acc) q;
      in
      go [ ] n;

    # toHexString :: int -> string
    # Upper-case hexadecimal representation of a non-negative integer.
    # Example: toHexString 255 => "FF"
    toHexString = n:
      builtins.concatStringsSep "" (map (d: builtins.elemAt hexDigitChars d) (toBaseDigits 16 n));

    # fromHexString :: string -> int
    # Parse a hexadecimal string (optionally prefixed by 0x); case-insensitive.
    # Example: fromHexString "ff" => 255
    fromHexString = str:
      let
        m = builtins.match "(0x)?([0-9A-Fa-f]+)" str;
        digitValue = c:
          let u = lib.strings.toUpper c; in
          lib.lists.findFirstIndex (d: d == u) null hexDigitChars;
      in
      if m == null then throw "fromHexString: invalid hexadecimal string: ${str}"
      else builtins.foldl' (acc: c: acc * 16 + digitValue c) 0
        (lib.strings.stringToCharacters (builtins.elemAt m 1));
  };
in
self
