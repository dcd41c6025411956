let lib = import ../../../lib; in
(lib.types.oneOf [ ]).description
