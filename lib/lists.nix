# Functions on lists.
{ lib }:

let
  inherit (builtins)
    length elemAt genList head tail filter foldl' isList elem concatMap
    ;
  inherit (lib.trivial) min compare;
in
rec {

  # Re-exported builtins.
  inherit (builtins)
    length head tail elem elemAt filter concatLists concatMap genList
    sort partition groupBy any all map
    ;

  # singleton :: a -> [a]
  # A one-element list.
  # Example: singleton "x" => [ "x" ]
  singleton = x: [ x ];

  # forEach :: [a] -> (a -> b) -> [b]
  # `map` with its arguments swapped.
  # Example: forEach [ 1 2 ] (x: x * 2) => [ 2 4 ]
  forEach = list: f: map f list;

  # foldr :: (a -> b -> b) -> b -> [a] -> b
  # Right fold: foldr op z [ x1 x2 ] = op x1 (op x2 z). Lazy in the tail.
  # Example: foldr (x: acc: "${x}${acc}") "!" [ "a" "b" ] => "ab!"
  foldr = op: nul: list:
    let
      n = length list;
      go = i: if i == n then nul else op (elemAt list i) (go (i + 1));
    in
    go 0;

  # fold :: alias of foldr, kept for old code.
  fold = foldr;

  # foldl :: (b -> a -> b) -> b -> [a] -> b
  # Lazy left fold: foldl op z [ x1 x2 ] = op (op z x1) x2.
  # Example: foldl (acc: x: acc + x) 0 [ 1 2 3 ] => 6
  foldl = op: nul: list:
    let
      go = i: if i < 0 then nul else op (go (i - 1)) (elemAt list i);
    in
    go (length list - 1);

  # foldl' :: (b -> a -> b) -> b -> [a] -> b
  # Strict left fold; also forces the initial accumulator.
  # Example: foldl' (acc: x: acc * x) 1 [ 2 3 ] => 6
  foldl' = op: acc: builtins.seq acc (builtins.foldl' op acc);

  # imap0 :: (int -> a -> b) -> [a] -> [b]
  # Map with the 0-based index as the first argument.
  # Example: imap0 (i: v: "${v}${toString i}") [ "a" "b" ] => [ "a0" "b1" ]
  imap0 = f: list: genList (i: f i (elemAt list i)) (length list);

  # imap1 :: (int -> a -> b) -> [a] -> [b]
  # Map with the 1-based index as the first argument.
  # Example: imap1 (i: v: "${v}${toString i}") [ "a" "b" ] => [ "a1" "b2" ]
  imap1 = f: list: genList (i: f (i + 1) (elemAt list i)) (length list);

  # ifilter0 :: (int -> a -> bool) -> [a] -> [a]
  # Filter with the 0-based index given to the predicate.
  # Example: ifilter0 (i: v: i == 0 || v > 1) [ 1 2 0 ] => [ 1 2 ]
  ifilter0 = pred: list:
    map (i: elemAt list i)
      (filter (i: pred i (elemAt list i)) (genList (i: i) (length list)));

  # flatten :: any -> [any]
  # Flatten nested lists to one list; a non-list becomes a singleton.
  # Example: flatten [ 1 [ 2 [ 3 ] ] ] => [ 1 2 3 ]
  flatten = x: if isList x then concatMap flatten x else [ x ];

  # remove :: a -> [a] -> [a]
  # Drop every element equal to the given value.
  # Example: remove 3 [ 1 3 2 3 ] => [ 1 2 ]
  remove = e: filter (x: x != e);

  # findSingle :: (a -> bool) -> a -> a -> [a] -> a
  # The single element satisfying the predicate; `default` if none,
  # `multiple` if more than one.
  # Example: findSingle (x: x == 3) "none" "many" [ 1 3 ] => 3
  findSingle = pred: default: multiple: list:
    let found = filter pred list; in
    if found == [ ] then default
    else if length found > 1 then multiple
    else head found;

  # findFirstIndex :: (a -> bool) -> b -> [a] -> (int | b)
  # Index of the first element satisfying the predicate, else the default.
  # The predicate is not called on elements after the first match.
  # Example: findFirstIndex (x: x > 3) null [ 1 6 4 ] => 1
  findFirstIndex = pred: default: list:
    let
      # Walk the list with a strict fold; once found, carry the index along.
      step = st: x:
        if st.found then st
        else if pred x then { found = true; i = st.i; }
        else { found = false; i = st.i + 1; };
      r = builtins.foldl' step { found = false; i = 0; } list;
    in
    if r.found then r.i else default;

  # findFirst :: (a -> bool) -> a -> [a] -> a
  # First element satisfying the predicate, else the default.
  # Example: findFirst (x: x > 3) 7 [ 1 6 4 ] => 6
  findFirst = pred: default: list:
    let i = findFirstIndex pred null list; in
    if i == null then default else elemAt list i;

  # any, all :: (a -> bool) -> [a] -> bool (builtins, re-exported above)
  # Example: any (x: x > 1) [ 1 2 ] => true

  # count :: (a -> bool) -> [a] -> int
  # Number of elements satisfying the predicate.
  # Example: count (x: x == 1) [ 1 2 1 ] => 2
  count = pred: builtins.foldl' (n: x: if pred x then n + 1 else n) 0;

  # optional :: bool -> a -> [a]
  # A singleton when the condition holds, else the empty list.
  # Example: optional true "x" => [ "x" ]
  optional = cond: x: if cond then [ x ] else [ ];

  # optionals :: bool -> [a] -> [a]
  # The list when the condition holds, else the empty list.
  # Example: optionals false [ 1 ] => [ ]
  optionals = cond: xs: if cond then xs else [ ];

  # toList :: (a | [a]) -> [a]
  # Wrap a non-list in a list; lists stay as they are.
  # Example: toList 1 => [ 1 ]
  toList = x: if isList x then x else [ x ];

  # range :: int -> int -> [int]
  # Integers from first to last, inclusive; empty if first > last.
  # Example: range 2 4 => [ 2 3 4 ]
  range = first: last:
    if first > last then [ ] else genList (i: first + i) (last - first + 1);

  # replicate :: int -> a -> [a]
  # A list holding the value n times.
  # Example: replicate 2 "a" => [ "a" "a" ]
  replicate = n: x: genList (_: x) n;

  # groupBy' :: (b -> a -> b) -> b -> (a -> string) -> [a] -> attrs
  # Group elements by key, folding each group with `op` from `nul`.
  # Example: groupBy' builtins.add 0 (x: if x > 2 then "big" else "small") [ 1 2 3 4 ]
  #          => { big = 7; small = 3; }
  groupBy' = op: nul: key: list:
    builtins.mapAttrs (_: foldl op nul) (builtins.groupBy key list);

  # zipListsWith :: (a -> b -> c) -> [a] -> [b] -> [c]
  # Combine two lists element-wise, up to the shorter length.
  # Example: zipListsWith (a: b: a + b) [ 1 2 ] [ 10 20 30 ] => [ 11 22 ]
  zipListsWith = f: xs: ys:
    genList (i: f (elemAt xs i) (elemAt ys i)) (min (length xs) (length ys));

  # zipLists :: [a] -> [b] -> [{ fst :: a; snd :: b; }]
  # Pair two lists element-wise.
  # Example: zipLists [ 1 ] [ "a" ] => [ { fst = 1; snd = "a"; } ]
  zipLists = zipListsWith (fst: snd: { inherit fst snd; });

  # reverseList :: [a] -> [a]
  # The list in reverse order.
  # Example: reverseList [ 1 2 3 ] => [ 3 2 1 ]
  # (natively in sysnix: builtins/modules/)
  reverseList = builtins.__sysnixReverseList or (xs:
    let n = length xs; in genList (i: elemAt xs (n - 1 - i)) n);

  # listDfs :: bool -> (a -> a -> bool) -> [a] -> attrs
  # Depth-first search from the list's head for a vertex with nothing
  # `before` it. Result: { minimal; visited; rest; }, or, when
  # stopOnCycles is set and a cycle is met, { cycle; loops; visited; rest; }.
  # Example: (listDfs true (a: b: a < b) [ 3 1 2 ]).minimal => 1
  listDfs = stopOnCycles: before: list:
    let
      walk = current: visited: rest:
        let
          loops = filter (v: before v current) visited;
          split = builtins.partition (v: before v current) rest;
        in
        if stopOnCycles && loops != [ ] then
          { cycle = current; inherit loops visited rest; }
        else if split.right == [ ] then
          { minimal = current; inherit visited rest; }
        else
          walk (head split.right) ([ current ] ++ visited) (tail split.right ++ split.wrong);
    in
    walk (head list) [ ] (tail list);

  # toposort :: (a -> a -> bool) -> [a] -> attrs
  # Topological sort: { result = [...]; } with every `before a b` respected,
  # or { cycle = [...]; loops = [...]; } when there is a cycle.
  # Example: toposort (a: b: a < b) [ 3 1 2 ] => { result = [ 1 2 3 ]; }
  toposort = before: list:
    if length list < 2 then { result = list; }
    else
      let
        here = listDfs true before list;
        others = toposort before (here.visited ++ here.rest);
      in
      if here ? cycle then {
        cycle = reverseList ([ here.cycle ] ++ here.visited);
        inherit (here) loops;
      }
      else if others ? cycle then others
      else { result = [ here.minimal ] ++ others.result; };

  # sortOn :: (a -> b) -> [a] -> [a]
  # Stable sort by a key computed once per element, compared with `<`.
  # Example: sortOn builtins.stringLength [ "aaa" "b" "cc" ] => [ "b" "cc" "aaa" ]
  sortOn = key: list:
    map (p: elemAt p 1)
      (builtins.sort (a: b: head a < head b) (map (x: [ (key x) x ]) list));

  # compareLists :: (a -> a -> int) -> [a] -> [a] -> int
  # Lexicographic comparison of lists with an element comparator.
  # Example: compareLists compare [ 1 2 ] [ 1 3 ] => -1
  compareLists = cmp: a: b:
    if a == [ ] then (if b == [ ] then 0 else -1)
    else if b == [ ] then 1
    else
      let c = cmp (head a) (head b); in
      if c == 0 then compareLists cmp (tail a) (tail b) else c;

  # naturalSort :: [string] -> [string]
  # Sort strings so that embedded numbers compare numerically.
  # Example: naturalSort [ "a10" "a2" ] => [ "a2" "a10" ]
  naturalSort = list:
    let
      chunks = s:
        map (c: if isList c then lib.strings.toInt (head c) else c)
          (builtins.split "(0|[1-9][0-9]*)" s);
      keyed = map (s: [ (chunks s) s ]) list;
    in
    map (p: elemAt p 1)
      (builtins.sort (a: b: compareLists compare (head a) (head b) < 0) keyed);

  # sublist :: int -> int -> [a] -> [a]
  # `count` elements starting at index `start` (clipped to the list).
  # Example: sublist 1 2 [ "a" "b" "c" "d" ] => [ "b" "c" ]
  sublist = start: count: list:
    let
      n = length list;
      size =
        if start >= n then 0
        else if start + count > n then n - start
        else count;
    in
    genList (i: elemAt list (start + i)) size;

  # take :: int -> [a] -> [a]
  # The first n elements.
  # Example: take 2 [ 1 2 3 ] => [ 1 2 ]
  take = n: sublist 0 n;

  # drop :: int -> [a] -> [a]
  # All but the first n elements.
  # Example: drop 2 [ 1 2 3 ] => [ 3 ]
  drop = n: list: sublist n (length list) list;

  # hasPrefix :: [a] -> [a] -> bool
  # Whether the second list starts with the first.
  # Example: lists.hasPrefix [ 1 ] [ 1 2 ] => true
  hasPrefix = prefix: list: take (length prefix) list == prefix;

  # removePrefix :: [a] -> [a] -> [a]
  # Drop a list prefix; throws if it is not one.
  # Example: lists.removePrefix [ 1 ] [ 1 2 ] => [ 2 ]
  removePrefix = prefix: list:
    if hasPrefix prefix list then drop (length prefix) list
    else throw "lib.lists.removePrefix: First argument is not a list prefix of the second argument";

  # commonPrefix :: [a] -> [a] -> [a]
  # The longest common prefix of two lists.
  # Example: commonPrefix [ 1 2 3 ] [ 1 2 4 ] => [ 1 2 ]
  commonPrefix = a: b:
    let
      n = min (length a) (length b);
      same = findFirstIndex (i: elemAt a i != elemAt b i) n (genList (i: i) n);
    in
    take same a;

  # last :: [a] -> a
  # The last element; the list must not be empty.
  # Example: last [ 1 2 3 ] => 3
  last = list:
    assert lib.asserts.assertMsg (list != [ ]) "lists.last: list must not be empty!";
    elemAt list (length list - 1);

  # init :: [a] -> [a]
  # All but the last element; the list must not be empty.
  # Example: init [ 1 2 3 ] => [ 1 2 ]
  init = list:
    assert lib.asserts.assertMsg (list != [ ]) "lists.init: list must not be empty!";
    take (length list - 1) list;

  # crossLists :: (a -> b -> ... -> r) -> [[a] [b] ...] -> [r]
  # Apply a curried function to every combination of elements (deprecated).
  # Example: crossLists (x: y: "${x}${y}") [ [ "a" "b" ] [ "1" ] ] => [ "a1" "b1" ]
  crossLists = lib.trivial.warn
    "lib.crossLists is deprecated, use lib.mapCartesianProduct instead."
    (f: lists: builtins.foldl' (fs: args: concatMap (g: map g args) fs) [ f ] lists);

  # unique :: [a] -> [a]
  # Remove duplicates, keeping first occurrences. Quadratic.
  # Example: unique [ 3 1 3 2 1 ] => [ 3 1 2 ]
  unique = builtins.foldl' (acc: x: if elem x acc then acc else acc ++ [ x ]) [ ];

  # uniqueStrings :: [string] -> [string]
  # Distinct strings of a list, sorted (fast, via attribute names).
  # Example: uniqueStrings [ "b" "a" "b" ] => [ "a" "b" ]
  uniqueStrings = list: builtins.attrNames (builtins.groupBy (s: s) list);

  # allUnique :: [a] -> bool
  # Whether no element occurs twice.
  # Example: allUnique [ 1 2 1 ] => false
  allUnique = list: length (unique list) == length list;

  # intersectLists :: [a] -> [a] -> [a]
  # Elements of the second list that are also in the first.
  # Example: intersectLists [ 1 2 3 ] [ 3 4 1 ] => [ 3 1 ]
  intersectLists = e: filter (x: elem x e);

  # subtractLists :: [a] -> [a] -> [a]
  # Elements of the second list that are not in the first.
  # Example: subtractLists [ 3 ] [ 1 2 3 ] => [ 1 2 ]
  subtractLists = e: filter (x: !(elem x e));

  # mutuallyExclusive :: [a] -> [a] -> bool
  # Whether the two lists share no element.
  # Example: mutuallyExclusive [ 1 ] [ 2 ] => true
  mutuallyExclusive = a: b: a == [ ] || !(builtins.any (x: elem x a) b);

  # concatMap, partition, groupBy, sort, elemAt, head, tail, length,
  # filter, elem, concatLists, genList, any, all: the builtins, re-exported.
}
