let x = "a"; in ./p ${x}
