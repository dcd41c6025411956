let d = derivation { name = "first"; system = "s"; builder = "/b"; outputs = [ "lib" "out" ]; }; in [ d.outputName (d.outPath == d.lib.outPath) ]
