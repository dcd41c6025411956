let lib = import ../../../lib; in
# Elements after the first match are not given to the predicate.
lib.findFirst (x: x) "none" [ false true (throw "not evaluated") ]
