builtins.genericClosure {
  startSet = [ { key = 3; } { key = 1; } { key = 3; } ];
  operator = item: [ { key = 1; } { key = 2; extra = item.key; } ];
}
