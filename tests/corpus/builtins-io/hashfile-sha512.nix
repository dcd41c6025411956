builtins.hashFile "sha512" ./data/hello.txt
