let lib = import ../../../lib; in
[ (lib.fix (self: { a = 1; b = self.a + 1; })) (lib.fix (self: [ 1 2 ])) (lib.fix (self: { xs = [ 1 2 ]; n = builtins.length self.xs; })).n ]
