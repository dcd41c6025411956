# Dynamic names inside attribute paths of a rec set see the set's own attributes.
rec {
  a.b.${c} = 1;
  a.d = 2;
  ${c + "2"}.e = 3;
  c = "x";
  y = a.b.x;
}
