# Bindings of builtins (`inherit (builtins) head;`, `b = builtins;`) are compiled to
# their values; shadowing, `with`, arguments and recursion keep Nix's scoping.
let
  inherit (builtins) head length;
  b = builtins;
  e = b.elemAt;
  b2 = b;
  inherit (b2) tail;
in
[
  (head [ 1 2 ])
  (e [ 5 6 ] 1)
  (length (tail [ 1 2 3 ]))
  (let builtins = { head = _: "shadowed"; }; in builtins.head [ 1 ])
  (let inherit (builtins) head; in with { head = _: "with"; }; head [ 3 ])
  (with { builtins = { head = _: "with"; }; }; builtins.head [ 4 ])
  ((builtins: builtins.head [ 1 ]) { head = _: "argument"; })
  (let x = rec { head = _: "rec"; y = head [ 1 ]; }; in x.y)
  (let length = _: 0; in length [ 1 ])
  (let f = length; length = _: 1; in f [ 1 2 ])
  (let inherit head; in head [ 7 ])
  (rec { inherit (b) head; v = head [ 8 ]; }).v
  (builtins.typeOf b.nixPath)
  (b.isFunction b.map)
  (builtins.tryEval (b.doesNotExist or "default"))
]
