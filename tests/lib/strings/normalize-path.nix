let lib = import ../../../lib; in
[ (lib.normalizePath "/a//b///c/") (lib.normalizePath "") (lib.normalizePath "////") (lib.normalizePath "a/b") ]
