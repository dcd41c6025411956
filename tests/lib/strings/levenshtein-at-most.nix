let lib = import ../../../lib; in
[ (lib.levenshteinAtMost 0 "foo" "foo") (lib.levenshteinAtMost 1 "foo" "boa") (lib.levenshteinAtMost 2 "foo" "boa")
  (lib.levenshteinAtMost 2 "This is a sentence" "this is a sentense.") (lib.levenshteinAtMost 3 "This is a sentence" "this is a sentense.")
  (lib.levenshteinAtMost 1 "abc" "abcd") (lib.levenshteinAtMost 0 "a" "b") (lib.levenshteinAtMost (-1) "a" "a") (lib.levenshteinAtMost 5 "" "abcdef") ]
