let lib = import ../../../lib; in
lib.generators.toINI { } {
  foo = { hi = "${"pretty"}"; ciao = "bar"; };
  baz = { "also, integers" = 42; };
  "sec[1]" = { flag = true; list = null; };
}
