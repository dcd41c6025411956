# flags: --eval -A a -A b -A c
# Results are printed as they come: those before the failing path are shown.
{ a = 1; b = throw "b fails"; c = 3; }
