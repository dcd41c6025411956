let lib = import ../../../lib; in
[ (lib.commonPrefixLength "foobar" "fooz") (lib.commonPrefixLength "" "x") (lib.commonPrefixLength "same" "same")
  (lib.commonSuffixLength "foobar" "xbar") (lib.commonSuffixLength "a" "b") (lib.commonSuffixLength "ab" "ab") ]
