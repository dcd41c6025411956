let f = x: x; in [ ([ f ] == [ f ]) ({ a = f; } == { a = f; }) ]
