# flags: --eval --strict -A a.b
{ a = 5; }
