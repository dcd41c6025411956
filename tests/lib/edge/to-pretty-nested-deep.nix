let lib = import ../../../lib; in
lib.generators.toPretty { multiline = false; } (lib.setAttrByPath (map toString (lib.range 1 10)) [ null true 1.25 "s" ])
