# A repeated key keeps its last value, in small objects and in ones with more than
# sixteen keys; nested objects are independent.
let
  big = "{" + builtins.concatStringsSep ","
    (builtins.genList (i: "\"k${toString (builtins.div i 2)}\": ${toString i}") 40) + "}";
in
[
  (builtins.fromJSON ''{ "a": 1, "b": 2, "a": 3 }'')
  (builtins.fromJSON ''{ "a": { "a": 1, "a": 2 }, "b": [ { "x": 1, "x": { "y": 2 } } ] }'')
  (builtins.fromJSON big)
]
