let lib = import ../../../lib; in
[ (lib.levenshtein "kitten" "sitting") (lib.levenshtein "" "") (lib.levenshtein "" "abc") (lib.levenshtein "abc" "")
  (lib.levenshtein "same" "same") (lib.levenshtein "flaw" "lawn") (lib.levenshtein "services" "service") (lib.levenshtein "ab" "ba") ]
