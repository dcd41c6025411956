let lib = import ../../../lib; in
lib.makeOverridable ({ x }: x + 1) { x = 1; }
