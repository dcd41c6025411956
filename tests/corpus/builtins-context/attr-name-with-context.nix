# An attribute name may not refer to a store path.
let d = derivation { name = "t"; system = "x86_64-linux"; builder = "/bin/sh"; }; in { ${d.drvPath} = 1; }
