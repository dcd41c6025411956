# Comparators that are just `<` (sysnix compares without calling them): ascending,
# descending, builtins.lessThan; on ints and floats mixed, strings, lists; stability
# with a descending comparator.
let
  xs = [ 3 1.5 2 (-1) 10 2.0 0 ];
in
{
  asc = builtins.sort (a: b: a < b) xs;
  desc = builtins.sort (x: y: y < x) xs;
  lt = builtins.sort builtins.lessThan [ "b" "a" "ab" "" "B" ];
  lists = builtins.sort (a: b: a < b) [ [ 2 1 ] [ 1 5 ] [ 1 ] [ ] [ 2 0 ] ];
  same = builtins.sort (a: b: b < a) [ "x" "x" "y" ];
  notPlain = builtins.sort (a: b: a > b) [ 1 3 2 ];
}
