builtins.toXML 42
