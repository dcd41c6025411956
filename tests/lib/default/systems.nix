let lib = import ../../../lib; in
[ (builtins.elem "x86_64-linux" lib.systems.flakeExposed) lib.systems.doubles.linux (lib.systems.parseDouble "aarch64-linux") ]
