let
  fix = f: let x = f x; in x;
  base = self: { a = 1; b = self.a + 10; };
  extend = f: ov: self: let super = f self; in super // ov self super;
in fix (extend base (self: super: { a = 5; }))
