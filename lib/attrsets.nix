# Functions on attribute sets.
{ lib }:

let
  inherit (builtins)
    attrNames listToAttrs hasAttr isAttrs getAttr length elemAt head tail
    filter concatMap catAttrs mapAttrs attrValues isString
    ;
  inherit (lib.strings) concatMapStringsSep escapeNixIdentifier sanitizeDerivationName;
in
rec {

  # Re-exported builtins.
  inherit (builtins)
    attrNames attrValues catAttrs getAttr hasAttr intersectAttrs isAttrs
    listToAttrs mapAttrs removeAttrs zipAttrsWith
    ;

  # attrByPath :: [string] -> a -> attrs -> a
  # The value at an attribute path, or the default when some step is missing.
  # Example: attrByPath [ "a" "b" ] 0 { a.b = 1; } => 1
  attrByPath = path: default: set:
    let
      n = length path;
      go = i: s:
        if i == n then s
        else
          let name = elemAt path i; in
          if s ? ${name} then go (i + 1) s.${name} else default;
    in
    go 0 set;

  # hasAttrByPath :: [string] -> attrs -> bool
  # Whether the attribute path exists (the empty path always does).
  # Example: hasAttrByPath [ "a" "c" ] { a.b = 1; } => false
  hasAttrByPath = path: set:
    let
      n = length path;
      go = i: s:
        i == n || (let name = elemAt path i; in s ? ${name} && go (i + 1) s.${name});
    in
    go 0 set;

  # longestValidPathPrefix :: [string] -> any -> [string]
  # The longest prefix of the path that exists in the value.
  # Example: longestValidPathPrefix [ "a" "b" "c" ] { a.b = 1; } => [ "a" "b" ]
  longestValidPathPrefix = path: set:
    let
      n = length path;
      go = i: s:
        if i == n then i
        else
          let name = elemAt path i; in
          if s ? ${name} then go (i + 1) s.${name} else i;
    in
    lib.lists.take (go 0 set) path;

  # setAttrByPath :: [string] -> a -> attrs
  # A nested attribute set holding the value at the path.
  # Example: setAttrByPath [ "a" "b" ] 3 => { a = { b = 3; }; }
  setAttrByPath = path: value:
    let
      n = length path;
      go = i: if i == n then value else { ${elemAt path i} = go (i + 1); };
    in
    go 0;

  # getAttrFromPath :: [string] -> attrs -> a
  # The value at an attribute path; aborts when it does not exist.
  # Example: getAttrFromPath [ "a" "b" ] { a.b = 1; } => 1
  getAttrFromPath = path: set:
    attrByPath path
      (abort ("cannot find attribute `" + builtins.concatStringsSep "." path + "'"))
      set;

  # concatMapAttrs :: (string -> a -> attrs) -> attrs -> attrs
  # Map each attribute to an attribute set and merge the results (later wins).
  # Example: concatMapAttrs (n: v: { ${n} = v; "${n}2" = v * 2; }) { a = 1; }
  #          => { a = 1; a2 = 2; }
  concatMapAttrs = f: set:
    builtins.foldl' (acc: x: acc // x) { } (attrValues (mapAttrs f set));

  # updateManyAttrsByPath :: [{ path :: [string]; update :: a -> b; }] -> attrs -> attrs
  # Apply several updates at attribute paths; updates at the same path are
  # applied in list order, deeper paths before shallower ones.
  # Example: updateManyAttrsByPath [ { path = [ "a" ]; update = x: x + 1; } ] { a = 1; } => { a = 2; }
  updateManyAttrsByPath =
    let
      # depth: number of path components already consumed.
      apply = depth: exists: value: updates:
        let
          parts = builtins.partition (u: length u.path == depth) updates;
          here = parts.right;
          deeper = parts.wrong;
          byName = builtins.groupBy (u: elemAt u.path depth) deeper;
          base =
            if deeper == [ ] then
              (if exists then value
              else throw ("updateManyAttrsByPath: Path '${showAttrPath (head here).path}' does "
                + "not exist in the expression being updated, there's no value to update"))
            else if !exists then
              mapAttrs (_: apply (depth + 1) false null) byName
            else if isAttrs value then
              value // mapAttrs (name: apply (depth + 1) (value ? ${name}) value.${name}) byName
            else
              let p = (head deeper).path; in
              throw ("updateManyAttrsByPath: Path '${showAttrPath p}' needs to "
                + "be updated, but path '${showAttrPath (lib.lists.take depth p)}' "
                + "of the expression being updated is not an attribute set");
        in
        builtins.foldl' (acc: u: u.update acc) base here;
    in
    updates: value: apply 0 true value updates;

  # attrVals :: [string] -> attrs -> [a]
  # The values of the named attributes, in the given order.
  # Example: attrVals [ "b" "a" ] { a = 1; b = 2; } => [ 2 1 ]
  attrVals = names: set: map (name: set.${name}) names;

  # getAttrs :: [string] -> attrs -> attrs
  # The sub-set of the named attributes (all must exist).
  # Example: getAttrs [ "a" ] { a = 1; b = 2; } => { a = 1; }
  getAttrs = names: set: genAttrs names (name: set.${name});

  # filterAttrs :: (string -> a -> bool) -> attrs -> attrs
  # Keep the attributes for which the predicate holds.
  # Example: filterAttrs (n: v: v > 1) { a = 1; b = 2; } => { b = 2; }
  filterAttrs = pred: set:
    removeAttrs set (filter (name: !(pred name set.${name})) (attrNames set));

  # filterAttrsRecursive :: (string -> a -> bool) -> attrs -> attrs
  # filterAttrs applied at every level of nested attribute sets.
  # Example: filterAttrsRecursive (n: v: v != null) { a.b = null; c = 1; } => { a = { }; c = 1; }
  filterAttrsRecursive = pred: set:
    listToAttrs (concatMap
      (name:
        let v = set.${name}; in
        if pred name v then [
          (nameValuePair name (if isAttrs v then filterAttrsRecursive pred v else v))
        ] else [ ])
      (attrNames set));

  # foldlAttrs :: (b -> string -> a -> b) -> b -> attrs -> b
  # Strict left fold over attributes in name order.
  # Example: foldlAttrs (acc: n: v: acc + v) 0 { a = 1; b = 2; } => 3
  foldlAttrs = f: init: set:
    builtins.foldl' (acc: name: f acc name set.${name}) init (attrNames set);

  # foldAttrs :: (a -> b -> b) -> b -> [attrs] -> attrs
  # Fold the values of each attribute name across a list of sets (right fold).
  # Example: foldAttrs (x: acc: [ x ] ++ acc) [ ] [ { a = 1; } { a = 2; } ] => { a = [ 1 2 ]; }
  foldAttrs = op: nul: sets:
    lib.lists.foldr
      (set: acc:
        builtins.foldl'
          (acc': name: acc' // { ${name} = op set.${name} (acc'.${name} or nul); })
          acc
          (attrNames set))
      { }
      sets;

  # collect :: (any -> bool) -> attrs -> [any]
  # Every value (recursing into attribute sets) that satisfies the predicate.
  # Example: collect builtins.isInt { a = 1; b.c = 2; } => [ 1 2 ]
  collect = pred: v:
    if pred v then [ v ]
    else if isAttrs v then concatMap (collect pred) (attrValues v)
    else [ ];

  # cartesianProduct :: attrs of lists -> [attrs]
  # Every combination choosing one element from each list.
  # Example: cartesianProduct { a = [ 1 2 ]; b = [ "x" ]; }
  #          => [ { a = 1; b = "x"; } { a = 2; b = "x"; } ]
  cartesianProduct = lists:
    builtins.foldl'
      (acc: name: concatMap (partial: map (v: partial // { ${name} = v; }) lists.${name}) acc)
      [ { } ]
      (attrNames lists);

  # cartesianProductOfSets :: alias of cartesianProduct.
  cartesianProductOfSets = cartesianProduct;

  # mapCartesianProduct :: (attrs -> a) -> attrs of lists -> [a]
  # Map a function over cartesianProduct.
  # Example: mapCartesianProduct ({ a, b }: a + b) { a = [ 1 ]; b = [ 10 20 ]; } => [ 11 21 ]
  mapCartesianProduct = f: lists: map f (cartesianProduct lists);

  # nameValuePair :: string -> a -> { name; value; }
  # The element type of listToAttrs.
  # Example: nameValuePair "a" 1 => { name = "a"; value = 1; }
  nameValuePair = name: value: { inherit name value; };

  # mapAttrs' :: (string -> a -> { name; value; }) -> attrs -> attrs
  # Map attributes to new name/value pairs.
  # Example: mapAttrs' (n: v: nameValuePair "x${n}" v) { a = 1; } => { xa = 1; }
  mapAttrs' = f: set: listToAttrs (map (name: f name set.${name}) (attrNames set));

  # mapAttrsToList :: (string -> a -> b) -> attrs -> [b]
  # Map attributes to a list, in name order.
  # Example: mapAttrsToList (n: v: n + v) { a = "1"; b = "2"; } => [ "a1" "b2" ]
  mapAttrsToList = f: set: map (name: f name set.${name}) (attrNames set);

  # mapAttrsFlatten :: deprecated alias of mapAttrsToList.
  mapAttrsFlatten = mapAttrsToList;

  # attrsToList :: attrs -> [{ name; value; }]
  # The attributes as name/value pairs (inverse of listToAttrs).
  # Example: attrsToList { a = 1; } => [ { name = "a"; value = 1; } ]
  attrsToList = mapAttrsToList nameValuePair;

  # mapAttrsToListRecursive :: ([string] -> a -> b) -> attrs -> [b]
  # mapAttrsToList over the leaves of nested attribute sets, with their paths.
  # Example: mapAttrsToListRecursive (p: v: p) { a.b = 1; c = 2; } => [ [ "a" "b" ] [ "c" ] ]
  mapAttrsToListRecursive = mapAttrsToListRecursiveCond (_: _: true);

  # mapAttrsToListRecursiveCond :: ([string] -> attrs -> bool) -> ([string] -> a -> b) -> attrs -> [b]
  # Like mapAttrsToListRecursive, recursing only into sets where cond holds.
  mapAttrsToListRecursiveCond = cond: f: set:
    let
      walk = path: v:
        if isAttrs v && cond path v
        then builtins.concatLists (mapAttrsToList (n: walk (path ++ [ n ])) v)
        else [ (f path v) ];
    in
    builtins.concatLists (mapAttrsToList (n: walk [ n ]) set);

  # mapAttrsRecursive :: ([string] -> a -> b) -> attrs -> attrs
  # Map the leaves of nested attribute sets, given their path.
  # Example: mapAttrsRecursive (p: v: v + 1) { a.b = 1; } => { a = { b = 2; }; }
  mapAttrsRecursive = mapAttrsRecursiveCond (_: true);

  # mapAttrsRecursiveCond :: (attrs -> bool) -> ([string] -> a -> b) -> attrs -> attrs
  # Like mapAttrsRecursive, recursing only into sets where cond holds.
  # Example: mapAttrsRecursiveCond (s: !(s ? x)) (p: v: 0) { a.x = 1; } => { a = 0; }
  mapAttrsRecursiveCond = cond: f: set:
    let
      walk = path: mapAttrs (name: v:
        let p = path ++ [ name ]; in
        if isAttrs v && cond v then walk p v else f p v);
    in
    walk [ ] set;

  # genAttrs :: [string] -> (string -> a) -> attrs
  # An attribute set with the given names, values computed from the name.
  # Example: genAttrs [ "a" "b" ] (n: "x-${n}") => { a = "x-a"; b = "x-b"; }
  genAttrs = names: f: listToAttrs (map (n: nameValuePair n (f n)) names);

  # genAttrs' :: [a] -> (a -> { name; value; }) -> attrs
  # listToAttrs of a mapped list.
  # Example: genAttrs' [ 1 ] (x: nameValuePair "n${toString x}" x) => { n1 = 1; }
  genAttrs' = xs: f: listToAttrs (map f xs);

  # isDerivation :: any -> bool
  # Whether the value is an attribute set with type = "derivation".
  # Example: isDerivation { type = "derivation"; } => true
  isDerivation = v: v.type or null == "derivation";

  # toDerivation :: path -> derivation
  # Wrap an existing store path as a derivation-like attribute set.
  # Example: (toDerivation "/nix/store/...-hello-1.0").name => "hello-1.0"
  toDerivation = path:
    let
      storePath = builtins.storePath path;
      drv = {
        type = "derivation";
        name = sanitizeDerivationName (builtins.substring 33 (-1) (baseNameOf storePath));
        outPath = storePath;
        outputs = [ "out" ];
        out = drv;
        outputName = "out";
      };
    in
    drv;

  # optionalAttrs :: bool -> attrs -> attrs
  # The set when the condition holds, else the empty set.
  # Example: optionalAttrs true { a = 1; } => { a = 1; }
  optionalAttrs = cond: set: if cond then set else { };

  # zipAttrsWithNames :: [string] -> (string -> [a] -> b) -> [attrs] -> attrs
  # For each given name, combine the values it has in the sets.
  # Example: zipAttrsWithNames [ "a" ] (n: vs: vs) [ { a = 1; } { a = 2; b = 3; } ] => { a = [ 1 2 ]; }
  zipAttrsWithNames = names: f: sets:
    listToAttrs (map (name: { inherit name; value = f name (catAttrs name sets); }) names);

  # zipAttrsWith :: (string -> [a] -> b) -> [attrs] -> attrs (builtin, re-exported above)
  # Example: zipAttrsWith (n: vs: vs) [ { a = 1; } { a = 2; } ] => { a = [ 1 2 ]; }

  # zipAttrs :: [attrs] -> attrs
  # Collect the values of each name into a list.
  # Example: zipAttrs [ { a = 1; } { a = 2; } ] => { a = [ 1 2 ]; }
  zipAttrs = builtins.zipAttrsWith (_: values: values);

  # mergeAttrsList :: [attrs] -> attrs
  # Merge a list of sets, later ones winning (balanced, fast for long lists).
  # Example: mergeAttrsList [ { a = 1; } { a = 2; b = 3; } ] => { a = 2; b = 3; }
  mergeAttrsList = list:
    let
      merge = lo: hi:
        if hi - lo == 0 then { }
        else if hi - lo == 1 then elemAt list lo
        else
          let mid = lo + builtins.div (hi - lo) 2; in
          merge lo mid // merge mid hi;
    in
    merge 0 (length list);

  # recursiveUpdateUntil :: ([string] -> a -> a -> bool) -> attrs -> attrs -> attrs
  # Recursive merge of two sets; stops descending where `pred path lhs rhs`
  # holds, taking the right-hand value there.
  # Example: recursiveUpdateUntil (p: l: r: p == [ "a" ]) { a.x = 1; } { a.y = 2; } => { a = { y = 2; }; }
  recursiveUpdateUntil = pred: lhs: rhs:
    let
      go = path: sets:
        builtins.zipAttrsWith
          (name: values:
            let here = path ++ [ name ]; in
            if length values == 1 || pred here (elemAt values 1) (head values)
            then head values
            else go here values)
          sets;
    in
    go [ ] [ rhs lhs ];

  # recursiveUpdate :: attrs -> attrs -> attrs
  # Recursive merge: nested sets are merged, anything else is replaced by the right side.
  # Example: recursiveUpdate { a.x = 1; } { a.y = 2; } => { a = { x = 1; y = 2; }; }
  recursiveUpdate = recursiveUpdateUntil (_: l: r: !(isAttrs l && isAttrs r));

  # matchAttrs :: attrs -> attrs -> bool
  # Whether the set contains the pattern (recursively for nested sets).
  # Example: matchAttrs { a.b = 1; } { a = { b = 1; c = 2; }; } => true
  matchAttrs = pattern: set:
    assert isAttrs pattern;
    builtins.all
      (name:
        set ? ${name} && (
          let p = pattern.${name}; v = set.${name}; in
          if isAttrs p then isAttrs v && matchAttrs p v else p == v))
      (attrNames pattern);

  # overrideExisting :: attrs -> attrs -> attrs
  # Override only the attributes that already exist in the first set.
  # Example: overrideExisting { a = 1; } { a = 2; b = 3; } => { a = 2; }
  overrideExisting = old: new: mapAttrs (name: v: new.${name} or v) old;

  # showAttrPath :: [string] -> string
  # Render an attribute path as Nix would write it, quoting where needed.
  # Example: showAttrPath [ "a" "b c" ] => "a.\"b c\""
  showAttrPath = path:
    if path == [ ] then "<root attribute path>"
    else concatMapStringsSep "." escapeNixIdentifier path;

  # getOutput :: string -> derivation -> derivation
  # The named output of a package (falling back to `out`, then the package),
  # unless an output was already chosen explicitly.
  # Example: getOutput "dev" pkg => pkg.dev
  getOutput = output: pkg:
    if !(pkg ? outputSpecified) || !pkg.outputSpecified
    then pkg.${output} or pkg.out or pkg
    else pkg;

  # getFirstOutput :: [string] -> derivation -> derivation
  # The first of the named outputs the package has (the package itself if none).
  getFirstOutput = candidates: pkg:
    let
      present = builtins.filter (name: hasAttr name pkg) candidates;
    in
    if pkg.outputSpecified or false || present == [ ] then pkg
    else pkg.${head present};

  # getBin, getLib, getDev, getMan :: derivation -> derivation
  # getOutput for the bin, lib, dev and man outputs.
  # Example: "${getBin pkg}/bin/tool"
  getBin = getOutput "bin";
  getLib = getOutput "lib";
  getDev = getOutput "dev";
  getMan = getOutput "man";
  # getInclude, getStatic: the first of include/dev/out, static/lib/out outputs.
  getInclude = getFirstOutput [ "include" "dev" "out" ];
  getStatic = getFirstOutput [ "static" "lib" "out" ];

  # chooseDevOutputs :: [derivation] -> [derivation]
  # The dev output of each package.
  # Example: chooseDevOutputs [ pkg ] => [ pkg.dev ]
  chooseDevOutputs = map getDev;

  # recurseIntoAttrs :: attrs -> attrs
  # Mark a set so that nix-env / hydra look for derivations inside it.
  # Example: recurseIntoAttrs { } => { recurseForDerivations = true; }
  recurseIntoAttrs = set: set // { recurseForDerivations = true; };

  # dontRecurseIntoAttrs :: attrs -> attrs
  # The opposite of recurseIntoAttrs.
  # Example: dontRecurseIntoAttrs { } => { recurseForDerivations = false; }
  dontRecurseIntoAttrs = set: set // { recurseForDerivations = false; };

  # unionOfDisjoint :: attrs -> attrs -> attrs
  # Union of two sets; accessing a name present in both throws.
  # Example: unionOfDisjoint { a = 1; } { b = 2; } => { a = 1; b = 2; }
  unionOfDisjoint = x: y:
    let
      common = builtins.intersectAttrs x y;
      names = builtins.concatStringsSep " " (attrNames common);
      poisoned = mapAttrs
        (name: _: throw "unionOfDisjoint: collision on ${name}; complete list: ${names}")
        common;
    in
    x // y // poisoned;
}
