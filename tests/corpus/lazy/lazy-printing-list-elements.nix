# flags: --eval
[ 1 (1 + 1) "s" (throw "not forced") ]
