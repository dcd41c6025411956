let lib = import ../../../lib; in
lib.updateManyAttrsByPath [ { path = [ "x" "y" ]; update = old: old + 1; } ] { }
