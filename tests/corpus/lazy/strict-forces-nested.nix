{ a = { b = [ (throw "deep") ]; }; }
