map (x: x.name) (builtins.sort (a: b: a.prio < b.prio) [
  { name = "c1"; prio = 2; } { name = "a1"; prio = 1; } { name = "c2"; prio = 2; }
  { name = "b1"; prio = 3; } { name = "a2"; prio = 1; } { name = "c3"; prio = 2; }
  { name = "b2"; prio = 3; } { name = "a3"; prio = 1; }
])
