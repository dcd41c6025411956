builtins.toXML (builtins.add 1)
