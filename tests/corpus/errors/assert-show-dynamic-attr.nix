let k = "a"; in assert { ${k} = 1; "q r" = 2; } == { }; 0
