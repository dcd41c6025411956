let lib = import ../../../lib; in
lib.toShellVars { a = 1; list = [ "x" "y z" ]; map = { k = "v"; }; s = "hello world"; }
