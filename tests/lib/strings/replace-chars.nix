let lib = import ../../../lib; in
lib.replaceChars [ "a" ] [ "o" ] "banana"
