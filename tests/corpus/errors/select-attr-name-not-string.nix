let k = 1; in { a = 1; }.${k}
