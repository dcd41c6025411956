let lib = import ../../../lib; in
lib.nixpkgsVersion == lib.version
