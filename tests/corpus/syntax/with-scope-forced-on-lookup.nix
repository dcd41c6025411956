with (throw "forced now"); x
