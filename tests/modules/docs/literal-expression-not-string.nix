let lib = import ../../../lib; in
lib.literalExpression 42
