# flags: --eval --xml
{ a = 1 + 1; }
