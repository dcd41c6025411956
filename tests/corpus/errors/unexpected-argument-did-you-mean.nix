let f = { alpha, beta }: alpha; in f { alpha = 1; bta = 2; }
