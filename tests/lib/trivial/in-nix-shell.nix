# env: IN_NIX_SHELL=impure
let lib = import ../../../lib; in
lib.inNixShell
