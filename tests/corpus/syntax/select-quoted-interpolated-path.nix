let s = { "a-1" = { b = 2; }; }; n = "1"; in s."a-${n}".b
