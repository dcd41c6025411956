# Selecting (or testing) with a name that refers to a store path fails too.
let d = derivation { name = "t"; system = "x86_64-linux"; builder = "/bin/sh"; }; in { a = 1; }.${d.drvPath} or 2
