# flags: --eval --strict --show-trace
# `mapAttrs` with a curried function of the name and the value.
builtins.mapAttrs (name: value: if name == "b" then value.missing else value) { a = { }; b = { }; }
