let true = false; null = 1; in [ true null ]
