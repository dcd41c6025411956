# unsafeDiscardStringContext coerces its argument as interpolation does.
[
  (builtins.unsafeDiscardStringContext { outPath = "/nix/store/x"; })
  (builtins.unsafeDiscardStringContext { __toString = self: "s"; })
  (builtins.unsafeDiscardStringContext ./discard-coerces-argument.nix)
]
