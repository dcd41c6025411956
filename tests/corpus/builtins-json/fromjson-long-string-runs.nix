# Long runs of plain characters between escapes, keys and values, UTF-8 and a
# \u0000 that truncates a value.
builtins.fromJSON ''
  { "a plain key of some length": "a plain value of some length, then \"quotes\" and \\ and \n and é and \u00e9 and \ud83d\ude00 done",
    "k2": [ "x", "yy", "", "zzz\tz" ], "trunc": "before\u0000after" }
''
