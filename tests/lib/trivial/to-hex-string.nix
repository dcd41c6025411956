let lib = import ../../../lib; in
map lib.toHexString [ 0 9 10 15 16 255 256 4096 65535 1234567 ]
