[ (builtins.isAttrs { }) (builtins.isAttrs [ ]) (builtins.isAttrs (derivation { name = "t"; system = "x"; builder = "/b"; })) ]
