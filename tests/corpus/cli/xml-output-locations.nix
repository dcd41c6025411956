# flags: --eval --strict --xml
# The whole value as Nix's XML document, with the positions of attributes and
# functions (nix-instantiate's default for --xml).
let f = { y ? 2, ... }@s: y; in
{ a = 1 + 1; b = [ "x" true null 2.5 ]; f = f; g = x: x; s = "a<b>&\"c\""; }
