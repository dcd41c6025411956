# flags: --eval --strict -I beta=./data -I ./data/dir
builtins.nixPath
