let lib = import ../../../lib; in
let names = map (i: "item${toString (lib.mod (i * 37) 101)}") (lib.range 1 100); in
lib.take 12 (lib.naturalSort names)
