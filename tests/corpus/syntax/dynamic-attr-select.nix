let s = { abc = 1; "x y" = 2; }; k = "abc"; in [ s.${k} s."x y" s."${"x"} y" ]
