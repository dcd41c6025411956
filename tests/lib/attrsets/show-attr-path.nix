let lib = import ../../../lib; in
[ (lib.showAttrPath [ "a" "b" ]) (lib.showAttrPath [ "a" "b c" "0x" "d-e" "f'" ]) (lib.showAttrPath [ ]) (lib.showAttrPath [ "services" "nginx" "enable" ]) ]
