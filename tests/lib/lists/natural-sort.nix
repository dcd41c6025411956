let lib = import ../../../lib; in
[ (lib.naturalSort [ "disk11" "disk8" "disk100" "disk9" ]) (lib.naturalSort [ "10.46.133.149" "10.5.16.62" "10.54.16.25" ])
  (lib.naturalSort [ "v0.2" "v0.15" "v0.0.9" ]) (lib.naturalSort [ ]) (lib.naturalSort [ "b" "a" "a1" "a01" ]) ]
