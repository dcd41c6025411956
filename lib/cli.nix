# Rendering attribute sets as GNU-style command lines.
{ lib }:

rec {
  # toGNUCommandLineShell :: attrs -> attrs -> string
  # toGNUCommandLine, shell-escaped and joined by spaces.
  # Example: toGNUCommandLineShell { } { v = true; o = "x y"; } => "-o 'x y' -v"
  toGNUCommandLineShell = options: attrs:
    lib.strings.escapeShellArgs (toGNUCommandLine options attrs);

  # toGNUCommandLine :: { mkOptionName?, mkBool?, mkList?, mkOption?, optionValueSeparator? } -> attrs -> [string]
  # Command-line arguments for a set of options: single-letter names become
  # -k, longer ones --key; true gives the bare flag, false and null nothing,
  # lists repeat the option.
  # Example: toGNUCommandLine { } { data = [ 1 2 ]; X = "y"; } => [ "-X" "y" "--data" "1" "--data" "2" ]
  toGNUCommandLine =
    { mkOptionName ? k: if builtins.stringLength k == 1 then "-${k}" else "--${k}"
    , mkBool ? k: v: lib.lists.optional v (mkOptionName k)
    , mkList ? k: v: builtins.concatMap (mkOption k) v
    , mkOption ? k: v:
        if v == null then [ ]
        else if optionValueSeparator == null then
          [ (mkOptionName k) (lib.generators.mkValueStringDefault { } v) ]
        else
          [ "${mkOptionName k}${optionValueSeparator}${lib.generators.mkValueStringDefault { } v}" ]
    , optionValueSeparator ? null
    }: options:
    let
      render = k: v:
        if builtins.isBool v then mkBool k v
        else if builtins.isList v then mkList k v
        else mkOption k v;
    in
    builtins.concatLists (lib.attrsets.mapAttrsToList render options);
}
