let x = "a"; in assert "${x}-${x}" == "b"; 0
