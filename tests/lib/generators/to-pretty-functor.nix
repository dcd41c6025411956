let lib = import ../../../lib; in
[ (lib.generators.toPretty { } { __functor = self: { a, b ? 1 }: a; }) (lib.generators.toPretty { } { __functor = self: x: x; }) ]
