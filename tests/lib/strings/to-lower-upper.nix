let lib = import ../../../lib; in
[ (lib.toUpper "héllo wörld 42") (lib.toLower "HÉLLO World") (lib.toUpper "") (lib.toLower "abc") (lib.strings.toSentenceCase "hELLO wORLD") (lib.strings.toSentenceCase "") ]
