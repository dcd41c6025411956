[ (builtins.bitXor 12 10) (builtins.bitXor (-1) 1) ]
