let lib = import ../../../lib; in
[ (lib.attrsets.longestValidPathPrefix [ "a" "b" "c" ] { a.b = 1; }) (lib.attrsets.longestValidPathPrefix [ "x" ] { })
  (lib.attrsets.longestValidPathPrefix [ ] 1) ]
