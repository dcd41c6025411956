let a = ; in a
