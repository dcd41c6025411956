# An error raised deep in a chain of options, each reading the next: reported once, with
# the throw's message (the native evalOptionValue adds the "while evaluating the option"
# context itself rather than re-evaluating through the Nix fallback at every level).
let lib = import ../../../lib; in
let
  n = 40;
  names = map toString (lib.range 0 n);
  r = lib.evalModules {
    modules = [
      ({ config, ... }: {
        options = lib.genAttrs (map (i: "o${i}") names) (_: lib.mkOption { type = lib.types.int; });
        config = lib.genAttrs (map (i: "o${i}") names) (name:
          if name == "o${toString n}" then throw "the last option fails"
          else config."o${toString (lib.toInt (lib.removePrefix "o" name) + 1)}" + 1);
      })
    ];
  };
in
r.config.o0
