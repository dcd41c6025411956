let lib = import ../../../lib; in
lib.mapAttrs (n: l: [ l.shortName (l.spdxId or null) l.free l.redistributable ]) lib.licenses
