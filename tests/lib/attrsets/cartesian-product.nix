let lib = import ../../../lib; in
[ (lib.cartesianProduct { a = [ 1 2 ]; b = [ "x" "y" ]; }) (lib.cartesianProduct { }) (lib.cartesianProduct { a = [ ]; b = [ 1 ]; })
  (lib.cartesianProductOfSets { a = [ 1 ]; }) (lib.mapCartesianProduct ({ a, b }: a + b) { a = [ 1 2 ]; b = [ 10 20 ]; }) ]
