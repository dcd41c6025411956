(builtins.fromJSON ''{"a":{"b":{"c":{"d":[[[42]]]}}}}'').a.b.c.d
