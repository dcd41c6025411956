builtins.hashFile "crc32" ./data/hello.txt
