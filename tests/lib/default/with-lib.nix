let lib = import ../../../lib; in
with lib; concatMapStringsSep ", " (n: "${toUpper n}=${toString (length (stringToCharacters n))}") (attrNames (filterAttrs (n: v: v) { ab = true; c = false; def = true; }))
