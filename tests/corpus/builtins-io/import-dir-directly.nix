import ./data/lib
