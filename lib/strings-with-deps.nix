# Ordering text snippets by their dependencies, as NixOS activation scripts
# do: each entry is { text; deps; }, and the closure lists every entry after
# the entries it depends on, each once.
{ lib }:

rec {
  # textClosureList :: attrs -> [string | entry] -> [string]
  # Texts of the named entries (looked up in `predefined`) and of their
  # dependencies, dependencies first, each name once.
  # Example: textClosureList { a = noDepEntry "A"; b = fullDepEntry "B" [ "a" ]; } [ "b" ] => [ "A" "B" ]
  textClosureList = predefined: names:
    let
      # Returns { result = texts; done = names already emitted; }.
      visit = done: todo:
        if todo == [ ] then { result = [ ]; inherit done; }
        else
          let
            entry = builtins.head todo;
            rest = builtins.tail todo;
          in
          if builtins.isAttrs entry then
            let
              deps = visit done entry.deps;
              after = visit deps.done rest;
            in
            { result = deps.result ++ [ entry.text ] ++ after.result; done = after.done; }
          else if done ? ${entry} then visit done rest
          else visit (done // { ${entry} = 1; }) ([ predefined.${entry} ] ++ rest);
    in
    (visit { } names).result;

  # textClosureMap :: (string -> string) -> attrs -> [string] -> string
  # textClosureList with each text mapped, joined by newlines.
  textClosureMap = f: predefined: names:
    builtins.concatStringsSep "\n" (map f (textClosureList predefined names));

  # noDepEntry :: string -> entry
  # An entry without dependencies.
  noDepEntry = text: { inherit text; deps = [ ]; };

  # fullDepEntry :: string -> [string] -> entry
  # An entry with dependencies.
  fullDepEntry = text: deps: { inherit text deps; };

  # packEntry :: [string] -> entry
  # An entry with no text that only pulls in dependencies.
  packEntry = deps: { inherit deps; text = ""; };

  # stringAfter :: [string] -> string -> entry
  # An entry that must come after the named ones (fullDepEntry, arguments swapped).
  # Example: stringAfter [ "users" ] "echo hi"
  stringAfter = deps: text: { inherit text deps; };
}
