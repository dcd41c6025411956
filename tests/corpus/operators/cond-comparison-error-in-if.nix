# A comparison used as a condition reports its own error, at the comparison.
if 1 < "a" then 1 else 2
