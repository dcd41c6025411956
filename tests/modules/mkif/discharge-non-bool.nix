let lib = import ../../../lib; in
lib.dischargeProperties (lib.mkIf 1 2)
