# The first broken module in depth-first order is the error reported.
let lib = import ../../../lib; in
let mk = name: imports: { key = name; inherit imports; }; in
(lib.evalModules { modules = [ (mk "ok" [ (mk "deep" [ (throw "deep import broken") ]) ]) (throw "second top-level broken") ]; }).config
