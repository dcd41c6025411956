# An attribute whose name was never used anywhere before is reported by name.
let s = { alpha = 1; beta = 2; }; in s.${"gam" + "ma${toString 4}"}
