let lib = import ../../../lib; in
[ (lib.makeSearchPath "bin" [ "/a" "/b" ]) (lib.makeSearchPath "lib" [ ]) (lib.makeSearchPath "bin" [ "/a" null "/c" ])
  (lib.makeBinPath [ "/x" "/y" ]) (lib.makeLibraryPath [ "/x" ]) (lib.strings.makeIncludePath [ "/x" ]) ]
