# flags: --eval --strict --xml --json
# Of --xml and --json, the last given wins.
{ a = 1; }
