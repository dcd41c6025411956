# flags: --eval
derivation { name = "lazy"; system = "x86_64-linux"; builder = "/bin/sh"; }
