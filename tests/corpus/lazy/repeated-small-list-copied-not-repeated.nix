let x = [ 1 2 ]; y = { inherit x; }; in [ y y.x ]
