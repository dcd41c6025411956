# differs-from-2.8: builtin added in Nix 2.14
map builtins.readFileType [ ./data/hello.txt ./data/dir ./data/link ]
