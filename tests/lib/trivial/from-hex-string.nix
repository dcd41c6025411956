let lib = import ../../../lib; in
map lib.fromHexString [ "0" "ff" "FF" "0x1A" "10" "dead" ]
