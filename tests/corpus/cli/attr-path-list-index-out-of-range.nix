# flags: --eval --strict -A xs.5
{ xs = [ "zero" ]; }
