let x = [ 1 2 3 ]; y = { inherit x; }; in [ y y.x ]
