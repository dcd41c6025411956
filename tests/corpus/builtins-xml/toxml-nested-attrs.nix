builtins.toXML { outer = { inner = [ "v" ]; }; }
