# flags: --eval --strict --xml -A a -A b
# One document per attribute path.
{ a = 1; b = { c = "d"; }; }
