builtins.groupBy (x: if x / 2 * 2 == x then "even" else "odd") [ 5 4 3 2 1 ]
