let lib = import ../../../lib; in
lib.literalExample "old"
