# zipAttrsWith with builtins: seq returns the values; a partly applied foldl' starts from the name
{
  seq = builtins.zipAttrsWith builtins.seq [ { a = 1; } { a = 2; b = 3; } ];
  fold = builtins.zipAttrsWith (builtins.foldl' (acc: v: acc + toString v)) [ { a = 0; } { a = 1; b = 2; } ];
}
