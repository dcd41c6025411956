let lib = import ../../../lib; in
lib.generators.toPlist { } { str = "x"; int = 1; bool = true; f = false; list = [ 1 [ "nested" ] { k = "v"; } ]; nul = null; _module = 1; set = { }; float = 1.5; }
