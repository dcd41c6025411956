let lib = import ../../../lib; in
(lib.types.attrTag { a = lib.types.int; }).nestedTypes.a.description
