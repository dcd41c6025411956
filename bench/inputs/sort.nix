# builtins.sort of large lists with lambda comparators: pseudo-random
# integers, records sorted by a key with a tie-breaker, strings, and a
# version-aware sort with compareVersions. Checks the results are sorted.
# Result: a few integers and short strings.
let
  inherit (builtins)
    all compareVersions elemAt foldl' genList head length lessThan sort;
  str = toString;
  mod = a: b: a - a / b * b;

  # Deterministic pseudo-random numbers (multiplicative hashing, no overflow).
  rand = i: mod (mod (i * 2654435761) 4294967296 * 40503 + 12345) 1000003;

  n = 60000;
  ints = genList rand n;
  sortedInts = sort (a: b: a < b) ints;
  sortedDesc = sort (a: b: b < a) ints;
  sortedBuiltin = sort lessThan ints;

  records = genList (i: { id = i; key = mod (rand i) 1000; name = "r${str (rand (i + 7))}"; }) 30000;
  byKeyThenId = sort (a: b: a.key < b.key || (a.key == b.key && a.id > b.id)) records;

  strings = genList (i: "item-${str (rand (i * 3))}") 30000;
  sortedStrings = sort (a: b: a < b) strings;

  versions = genList (i: "${str (mod i 13)}.${str (mod (rand i) 20)}.${str (mod i 7)}") 8000;
  sortedVersions = sort (a: b: compareVersions a b < 0) versions;

  isSorted = le: xs: all (i: le (elemAt xs i) (elemAt xs (i + 1))) (genList (i: i) (length xs - 1));
  last = xs: elemAt xs (length xs - 1);
in
{
  ok = isSorted (a: b: a <= b) sortedInts
    && isSorted (a: b: a >= b) sortedDesc
    && sortedInts == sortedBuiltin
    && isSorted (a: b: a.key < b.key || (a.key == b.key && a.id >= b.id)) byKeyThenId
    && isSorted (a: b: !(b < a)) sortedStrings
    && isSorted (a: b: compareVersions a b <= 0) sortedVersions;
  minInt = head sortedInts;
  maxInt = last sortedInts;
  medianInt = elemAt sortedInts (n / 2);
  firstRecord = (head byKeyThenId).id;
  lastRecord = (last byKeyThenId).id;
  firstString = head sortedStrings;
  lastVersion = last sortedVersions;
  checksum = foldl' (acc: x: mod (acc * 31 + x) 1000000007) 0 sortedInts;
}
