builtins.hashFile "sha256" ./data/empty.txt
