# When comparisons fail, the first failing one is the one Nix's std::stable_sort
# would make first: here 3 "x" is reached before 1 "y".
builtins.sort (a: b: a.k < b.k) [ { k = 5; } { k = 4; } { k = 3; } { k = "x"; } { k = 2; } { k = 1; } { k = "y"; } { k = 0; } ]
