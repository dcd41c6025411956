let lib = import ../../../lib; in
map lib.sanitizeDerivationName [ "hello-1.0" "../hello world" ".hidden" "..." "" "a/b/c" "€uro" "1+2=3?_x" ("x" + lib.strings.replicate 210 "a") ]
