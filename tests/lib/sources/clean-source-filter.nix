let lib = import ../../../lib; in
map (x: lib.cleanSourceFilter (builtins.elemAt x 0) (builtins.elemAt x 1)) [
  [ "/src/.git" "directory" ] [ "/src/.git" "regular" ] [ "/src/.svn" "directory" ] [ "/src/.svn" "regular" ] [ "/src/CVS" "directory" ]
  [ "/src/a.c~" "regular" ] [ "/src/.swp" "regular" ] [ "/src/.x.c.swo" "regular" ] [ "/src/a.o" "regular" ] [ "/src/lib.so" "regular" ]
  [ "/src/result" "symlink" ] [ "/src/result-dev" "symlink" ] [ "/src/result" "regular" ] [ "/src/sock" "unknown" ] [ "/src/main.c" "regular" ]
]
