let lib = import ../../../lib; in
builtins.tryEval (lib.nameFromURL "https://x.org/hello" "-")
