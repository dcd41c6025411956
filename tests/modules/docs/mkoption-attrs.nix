let lib = import ../../../lib; in
let o = lib.mkOption { type = lib.types.int; default = 1; description = "d"; internal = true; }; in removeAttrs o [ "type" ] // { type = o.type.name; }
