let lib = import ../../../lib; in
lib.updateManyAttrsByPath [ { path = [ "a" "b" "c" ]; update = old: 1; } ] { a = 5; }
