builtins.hashFile "sha256" ./data/missing.txt
