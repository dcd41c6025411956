let f = x: nowhere; in 1
