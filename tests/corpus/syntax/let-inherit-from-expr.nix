let inherit ({ a = 1; b = 2; }) a b; in a * 10 + b
