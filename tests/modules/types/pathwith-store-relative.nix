let lib = import ../../../lib; in
lib.types.pathWith { inStore = true; absolute = false; }
