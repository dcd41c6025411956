# builtins.lessThan as the comparator, on values that do not compare.
builtins.sort builtins.lessThan [ { } 1 ]
