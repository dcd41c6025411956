let n = "x"; in ./dir/${n}.txt
