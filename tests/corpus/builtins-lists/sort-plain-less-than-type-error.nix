# A `<` comparator on values that do not compare fails as the call would.
builtins.sort (a: b: a < b) [ 1 "two" 3 ]
