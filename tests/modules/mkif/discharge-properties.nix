let lib = import ../../../lib; in
lib.dischargeProperties (lib.mkMerge [
  1
  (lib.mkIf true 2)
  (lib.mkIf false 3)
  (lib.mkMerge [ 4 (lib.mkIf true (lib.mkMerge [ 5 6 ])) ])
  (lib.mkDefault 7)
])
