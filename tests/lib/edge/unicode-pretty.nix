let lib = import ../../../lib; in
[ (lib.generators.toPretty { } "héllo ☃") (lib.escapeNixString "☃\n") (lib.toUpper "ǆ") (lib.escapeXML "<☃>") (lib.escapeURL "☃ x") ]
