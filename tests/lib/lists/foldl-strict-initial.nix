let lib = import ../../../lib; in
# foldl' forces the initial accumulator even for an empty list.
builtins.tryEval (lib.foldl' (acc: x: acc) (throw "initial") [ ])
