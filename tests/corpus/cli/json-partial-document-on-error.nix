# flags: --eval --strict --json
[ 1 { a = [ true (throw "boom") ]; b = 2; } ]
