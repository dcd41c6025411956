# flags: --eval --strict --xml
{ a = 1; b = throw "no XML for you"; }
