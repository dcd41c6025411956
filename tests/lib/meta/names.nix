let lib = import ../../../lib; in
let pkg = { name = "hello-2.12"; }; in
[ (lib.setName "x" pkg).name (lib.updateName (n: n + "-x") pkg).name (lib.appendToName "wrapped" pkg).name (lib.appendToName "s" { name = "nover"; }).name ]
