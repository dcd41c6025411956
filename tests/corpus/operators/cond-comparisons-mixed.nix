# Comparisons as conditions of if, &&, || , -> and ! with every kind of operand.
let f = x: x < 2; in
[
  (if 1.5 >= 1 then "float-int" else "no")
  (if { a = 1; } != { a = 1; } then "no" else "sets")
  (true && ({ } == 1))
  (false || ([ 1 ] < [ 2 ]))
  (!(f 1) -> (2 == 2.0))
  (if "abc" < "abd" then "strings" else "no")
  (if null == null then "null" else "no")
  (!(3 > 4) && 3 >= 3 && 3 <= 3 && 3 != 4)
]
