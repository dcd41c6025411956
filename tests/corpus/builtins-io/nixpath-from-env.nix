# env: NIX_PATH=alpha=./data:./data/dir
builtins.nixPath
