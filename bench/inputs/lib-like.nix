# A small hand-written lib in the style of nixpkgs lib (lists, attrsets,
# strings, a fixed point and a topological sort), used heavily by a few
# typical tasks: a package graph with closures, grouping and counting,
# matrix arithmetic on lists, and string helpers.
# Result: a few integers and short strings.
let
  b = builtins;
  str = toString;

  lib = rec {
    # -- trivial
    id = x: x;
    const = x: _: x;
    flip = f: a: c: f c a;
    pipe = x: fs: foldl' (acc: f: f acc) x fs;
    mod = a: c: a - a / c * c;
    min = a: c: if a < c then a else c;
    max = a: c: if a > c then a else c;
    fix = f: let x = f x; in x;

    # -- lists
    foldl' = b.foldl';
    foldr = op: nul: list:
      let
        len = b.length list;
        fold' = n: if n == len then nul else op (b.elemAt list n) (fold' (n + 1));
      in fold' 0;
    foldl = op: nul: list:
      let fold' = n: if n == -1 then nul else op (fold' (n - 1)) (b.elemAt list n);
      in fold' (b.length list - 1);
    imap0 = f: list: b.genList (n: f n (b.elemAt list n)) (b.length list);
    range = first: last: if first > last then [ ] else b.genList (n: first + n) (last - first + 1);
    # as in nixpkgs lib, the list primitives are the builtins
    inherit (b) concatMap filter map partition;
    flatten = x: if b.isList x then concatMap flatten x else [ x ];
    count = pred: foldl' (c: x: if pred x then c + 1 else c) 0;
    any = pred: foldr (x: acc: pred x || acc) false;
    all = pred: foldr (x: acc: pred x && acc) true;
    elem = x: any (y: y == x);
    unique = foldl' (acc: e: if elem e acc then acc else acc ++ [ e ]) [ ];
    sum = foldl' (a: c: a + c) 0;
    take = n: sublist 0 n;
    drop = n: list: sublist n (b.length list) list;
    sublist = start: count: list:
      let len = b.length list; in
      b.genList (n: b.elemAt list (n + start))
        (if start >= len then 0 else if start + count > len then len - start else count);
    last = list: b.elemAt list (b.length list - 1);
    init = list: take (b.length list - 1) list;
    reverseList = xs: let l = b.length xs; in b.genList (n: b.elemAt xs (l - n - 1)) l;
    zipListsWith = f: fst: snd: b.genList (n: f (b.elemAt fst n) (b.elemAt snd n)) (min (b.length fst) (b.length snd));
    intersperse = sep: list: drop 1 (concatMap (x: [ sep x ]) list);
    optional = c: x: if c then [ x ] else [ ];

    # -- attrsets
    nameValuePair = name: value: { inherit name value; };
    mapAttrsToList = f: attrs: map (n: f n attrs.${n}) (b.attrNames attrs);
    mapAttrs' = f: attrs: b.listToAttrs (mapAttrsToList f attrs);
    filterAttrs = pred: attrs: b.listToAttrs (concatMap (n:
      let v = attrs.${n}; in if pred n v then [ (nameValuePair n v) ] else [ ]) (b.attrNames attrs));
    genAttrs = names: f: b.listToAttrs (map (n: nameValuePair n (f n)) names);
    attrByPath = path: default: e:
      if path == [ ] then e
      else let h = b.head path; in
        if e ? ${h} then attrByPath (b.tail path) default e.${h} else default;
    setAttrByPath = path: value:
      if path == [ ] then value else { ${b.head path} = setAttrByPath (b.tail path) value; };
    recursiveUpdate = lhs: rhs: lhs // mapAttrs' (n: v: nameValuePair n
      (if lhs ? ${n} && b.isAttrs v && b.isAttrs lhs.${n} then recursiveUpdate lhs.${n} v else v)) rhs;
    collect = pred: v:
      if pred v then [ v ]
      else if b.isAttrs v then concatMap (collect pred) (b.attrValues v)
      else [ ];
    groupBy' = op: nul: pred: foldl' (acc: x:
      let k = pred x; in acc // { ${k} = op (acc.${k} or nul) x; }) { };

    # -- strings
    concatStrings = b.concatStringsSep "";
    concatMapStrings = f: list: concatStrings (map f list);
    concatMapStringsSep = sep: f: list: b.concatStringsSep sep (map f list);
    stringToCharacters = s: b.genList (p: b.substring p 1 s) (b.stringLength s);
    hasPrefix = pref: s: b.substring 0 (b.stringLength pref) s == pref;
    hasSuffix = suf: s:
      let ls = b.stringLength s; lf = b.stringLength suf; in
      lf <= ls && b.substring (ls - lf) lf s == suf;
    removePrefix = pref: s:
      if hasPrefix pref s then b.substring (b.stringLength pref) (b.stringLength s) s else s;
    splitString = sep: s:
      let
        chars = stringToCharacters s;
        step = acc: c: if c == sep
          then { parts = acc.parts ++ [ acc.cur ]; cur = ""; }
          else { inherit (acc) parts; cur = acc.cur + c; };
        r = foldl' step { parts = [ ]; cur = ""; } chars;
      in r.parts ++ [ r.cur ];
    fixedWidthString = width: filler: s:
      let l = b.stringLength s; in
      if l >= width then s else fixedWidthString width filler (filler + s);
    fixedWidthNumber = width: n: fixedWidthString width "0" (str n);

    # -- toposort (depth-first, as lib.toposort; quadratic)
    toposort = before: list:
      let
        visit = visited: todo: x:
          if elem x visited then { inherit visited; result = [ ]; }
          else
            let
              deps = filter (y: before y x) todo;
              r = foldl' (acc: y:
                let s = visit acc.visited todo y; in
                { visited = s.visited; result = acc.result ++ s.result; })
                { visited = visited ++ [ x ]; result = [ ]; } deps;
            in { visited = r.visited; result = r.result ++ [ x ]; };
        r = foldl' (acc: x:
          let s = visit acc.visited list x; in
          { visited = s.visited; result = acc.result ++ s.result; })
          { visited = [ ]; result = [ ]; } list;
      in r.result;
  };

  inherit (lib)
    all any collect concatMapStringsSep count drop filter filterAttrs
    fixedWidthNumber flatten foldl foldl' foldr genAttrs groupBy' hasPrefix
    hasSuffix imap0 intersperse last map mapAttrs' mapAttrsToList mod
    nameValuePair partition range recursiveUpdate reverseList
    setAttrByPath attrByPath splitString sum take toposort unique
    zipListsWith;

  # 1. A package graph: dependencies, closures through a lazy attrset.
  nPkgs = 1200;
  pkgName = i: "pkg-${fixedWidthNumber 5 i}";
  pkgNames = map pkgName (range 0 (nPkgs - 1));
  depsOf = i: if i < 3 then [ ] else unique [ (i / 2) (i / 3) (i - 1 - mod i 3) ];
  pkgs = b.listToAttrs (map (i: nameValuePair (pkgName i)
    { name = pkgName i; index = i; deps = map pkgName (depsOf i); }) (range 0 (nPkgs - 1)));
  # closures as name sets, memoised in a lazy attrset
  closures = genAttrs pkgNames (n:
    foldl' (acc: d: acc // closures.${d}) { ${n} = true; } pkgs.${n}.deps);
  closureSizes = mapAttrsToList (n: c: b.length (b.attrNames c)) closures;
  # direct reverse dependencies, deduplicated with the quadratic `unique`
  dependents = unique (lib.concatMap (n: pkgs.${n}.deps) pkgNames);
  bigClosures = count (s: s > 20) closureSizes;

  # toposort of a slice of the graph
  slice = take 250 (reverseList pkgNames);
  sorted = toposort (a: c: b.elem a pkgs.${c}.deps) slice;

  # 2. Grouping and counting words.
  words = map (i: b.elemAt [ "alpha" "beta" "gamma" "delta" "epsilon" "zeta" "eta" "theta" ] (mod (i * i + 3 * i + i / 8) 8))
    (range 1 12000);
  freq = groupBy' (acc: _: acc + 1) 0 lib.id words;
  byLength = groupBy' (acc: w: acc ++ [ w ]) [ ] (w: str (b.stringLength w)) (take 3000 words);
  parts = partition (w: hasPrefix "e" w || hasSuffix "ta" w) words;

  # 3. Matrix arithmetic on lists of lists.
  dim = 60;
  mat = k: map (r: map (c: mod (r * k + c * 3) 11) (range 0 (dim - 1))) (range 0 (dim - 1));
  transpose = m: imap0 (c: _: map (row: b.elemAt row c) m) (b.head m);
  mul = x: y:
    let yt = transpose y; in
    map (row: map (col: sum (zipListsWith (p: q: p * q) row col)) yt) x;
  product = mul (mul (mat 3) (mat 5)) (mat 7);
  trace = sum (imap0 (i: row: b.elemAt row i) product);
  total = foldr (row: acc: acc + foldl (a: c: a + c) 0 row) 0 product;

  # 4. Nested attribute paths and recursive updates.
  paths = map (i: [ "a${str (mod i 10)}" "b${str (mod i 7)}" "c${str i}" ]) (range 0 2999);
  tree = foldl' (acc: p: recursiveUpdate acc (setAttrByPath p (b.length p))) { } paths;
  leaves = collect b.isInt tree;
  found = count (p: attrByPath p null tree != null) paths;
  filtered = filterAttrs (n: v: hasSuffix "3" n || hasSuffix "7" n) tree;
  renamed = mapAttrs' (n: v: nameValuePair "x-${n}" (b.length (b.attrNames v))) tree;

  # 5. String helpers.
  csv = concatMapStringsSep "\n" (i: lib.concatStrings (intersperse "," (map str (range i (i + 9))))) (range 1 400);
  fields = splitString "," (b.substring 0 6000 csv);
  nested = flatten (map (i: [ i [ (i + 1) [ (i + 2) ] ] ]) (range 1 3000));
in
{
  inherit bigClosures trace total found;
  closureTotal = sum closureSizes;
  largestClosure = foldl' lib.max 0 closureSizes;
  sortedHead = b.head sorted;
  sortedLast = last sorted;
  sortedOk = all (n: b.length pkgs.${n}.deps >= 0) sorted && b.length sorted == 250;
  freq = mapAttrsToList (n: v: "${n}=${str v}") freq;
  byLength = b.attrNames byLength;
  partsRight = b.length parts.right;
  leaves = b.length leaves;
  filtered = b.length (b.attrNames filtered);
  renamed = renamed.x-a3;
  fields = b.length fields;
  csvLength = b.stringLength csv;
  nested = sum nested;
  anyBig = any (x: x > 3000) nested;
  dependents = b.length dependents;
}
