{ a = { b = throw "nested"; }; }.a.b
