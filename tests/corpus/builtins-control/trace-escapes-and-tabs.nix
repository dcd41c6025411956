# Nix filters escape sequences and expands tabs on stderr when it is not a terminal.
let esc = builtins.fromJSON "\"\\u001b\""; in
builtins.trace "${esc}[1;31mwarning:${esc}[0m a\tb ${esc}Xq ${esc}(B \u00e9\tc\n\td" 1
