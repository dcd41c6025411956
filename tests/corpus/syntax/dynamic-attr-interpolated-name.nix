let k = "ke"; in { ${k + "y"} = 1; }
