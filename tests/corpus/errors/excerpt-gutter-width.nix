# The excerpt gutter is as wide as the error line number; empty lines have no space after the bar.
let
 a = 1;
 b = 1;
 c = 1;
 d = 1;
 e = 1;

  y = builtins.foo;

in y
