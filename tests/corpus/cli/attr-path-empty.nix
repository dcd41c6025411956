# flags: --eval --strict -A ""
{ a = 1; }
