let lib = import ../../../lib; in
# foldr only evaluates the tail when the operator asks for it.
lib.foldr (x: acc: if x == 1 then "stop" else acc) (throw "never") [ 1 (throw "skipped") ]
