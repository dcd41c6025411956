# `!` of a failing comparison: the comparison's error, not `!`'s.
!(1 < "a")
