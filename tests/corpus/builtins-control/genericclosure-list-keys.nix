map (x: x.key) (builtins.genericClosure { startSet = [ { key = [ 1 2 ]; } { key = [ 1 2 ]; } { key = [ 1 ]; } ]; operator = x: [ ]; })
