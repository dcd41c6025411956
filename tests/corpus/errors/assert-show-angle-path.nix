# flags: --eval --strict -I p=.
assert <p> == null; 0
