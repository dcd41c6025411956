builtins.intersectAttrs { a = 0; b = 0; } { b = "kept"; c = "dropped"; a = "kept too"; }
