builtins.hashFile "sha1" ./data/hello.txt
