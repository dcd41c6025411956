builtins.toXML "a<b>&\"c' \n"
