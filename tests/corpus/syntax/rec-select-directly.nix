rec { a = 3; b = a * a; }.b
