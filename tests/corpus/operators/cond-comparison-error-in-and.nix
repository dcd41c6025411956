(1 < "a") && true
