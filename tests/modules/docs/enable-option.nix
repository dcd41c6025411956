let lib = import ../../../lib; in
let o = lib.mkEnableOption "the frobnicator"; in removeAttrs o [ "type" ] // { type = o.type.description; }
