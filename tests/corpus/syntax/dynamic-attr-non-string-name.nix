{ ${toString 1} = "one"; }
