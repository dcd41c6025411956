let v = { a = [ 1 "two" null true { x = 2.5; } ]; b = ""; }; in builtins.fromJSON (builtins.toJSON v) == v
