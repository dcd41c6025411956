# flags: --eval --strict --show-trace
# A lambda written in the call to `genList` fails for one element.
builtins.genList (i: if i == 2 then throw "element ${toString i}" else i) 3
