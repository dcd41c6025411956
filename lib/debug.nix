# Tracing helpers and a small unit-test runner.
{ lib }:

let
  inherit (builtins) trace isList isAttrs deepSeq;
in
rec {
  # traceIf :: bool -> string -> a -> a
  # Trace the message only when the condition holds.
  # Example: traceIf true "hi" 1 => 1 (trace: hi)
  traceIf = cond: msg: x: if cond then trace msg x else x;

  # traceValFn :: (a -> b) -> a -> a
  # Trace f of the value, return the value.
  # Example: traceValFn (v: "v=${toString v}") 1 => 1 (trace: v=1)
  traceValFn = f: x: trace (f x) x;

  # traceVal :: a -> a
  # Trace the value itself (shallowly) and return it.
  # Example: traceVal 1 => 1 (trace: 1)
  traceVal = traceValFn (x: x);

  # traceSeq :: a -> b -> b
  # Deeply evaluate and trace the first value, return the second.
  # Example: traceSeq { a = 1; } 2 => 2 (trace: { a = 1; })
  traceSeq = x: y: trace (deepSeq x x) y;

  # traceSeqN :: int -> a -> b -> b
  # Trace the first value evaluated to the given depth (deeper parts shown
  # as […] / {…}), return the second.
  # Example: traceSeqN 1 { a.b = 1; } null (trace: { a = {…}; })
  traceSeqN = depth: x: y:
    let
      shown = s: v: { __pretty = _: s; val = v; };
      cut = v:
        if isList v then shown "[…]" v
        else if isAttrs v then shown "{…}" v
        else v;
      limit = n: v:
        if n == 0 then cut v
        else if isList v then map (limit (n - 1)) v
        else if isAttrs v then builtins.mapAttrs (_: limit (n - 1)) v
        else v;
    in
    trace (lib.generators.toPretty { allowPrettyValues = true; } (limit depth x)) y;

  # traceValSeqFn :: (a -> b) -> a -> a
  # Deeply evaluate the value, trace f of it, return it.
  traceValSeqFn = f: v: traceValFn f (deepSeq v v);

  # traceValSeq :: a -> a
  # Deeply evaluate, trace and return a value.
  # Example: traceValSeq [ 1 ] => [ 1 ] (trace: [ 1 ])
  traceValSeq = traceValSeqFn (x: x);

  # traceValSeqNFn :: (a -> b) -> int -> a -> a
  # traceSeqN of f of the value, to the given depth; returns the value.
  traceValSeqNFn = f: depth: v: traceSeqN depth (f v) v;

  # traceValSeqN :: int -> a -> a
  # Trace a value to the given depth and return it.
  traceValSeqN = traceValSeqNFn (x: x);

  # traceFnSeqN :: int -> string -> (a -> b) -> a -> b
  # Apply a function and trace { fn; from; to; } to depth + 1.
  # Example: traceFnSeqN 1 "inc" (x: x + 1) 1 => 2
  traceFnSeqN = depth: name: f: v:
    let result = f v; in
    traceSeqN (depth + 1) { fn = name; from = v; to = result; } result;

  # runTests :: attrs -> [attrs]
  # Run unit tests: every attribute whose name starts with "test" (or is
  # listed in `tests`) is { expr; expected; }. Returns the failures as
  # { name; expected; result; } (the empty list when all pass).
  # Example: runTests { testA = { expr = 1 + 1; expected = 2; }; } => [ ]
  runTests = tests:
    let
      only = tests.tests or [ ];
      selected = name:
        (builtins.substring 0 4 name == "test" || builtins.elem name only)
        && (only == [ ] || builtins.elem name only);
      check = name: test:
        if selected name && test.expr != test.expected
        then [ { inherit name; expected = test.expected; result = test.expr; } ]
        else [ ];
    in
    builtins.concatLists (lib.attrsets.mapAttrsToList check tests);

  # testAllTrue :: [bool] -> { expr; expected; }
  # A runTests case asserting that every element of the list is true.
  # Example: testAllTrue [ true (1 == 1) ]
  testAllTrue = expr: { inherit expr; expected = map (_: true) expr; };
}
