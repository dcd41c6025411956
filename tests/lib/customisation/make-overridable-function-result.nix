let lib = import ../../../lib; in
let
  f = lib.makeOverridable ({ n }: { m ? 1 }: n * m);
  g = f { n = 3; };
in
[ (g { m = 2; }) ((g.override { n = 4; }) { }) (lib.functionArgs g) ]
