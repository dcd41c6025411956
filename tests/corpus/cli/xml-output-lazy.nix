# flags: --eval --xml
# Without --strict the attributes' values are not evaluated: <unevaluated />.
{ a = 1 + 1; b = throw "never"; }
