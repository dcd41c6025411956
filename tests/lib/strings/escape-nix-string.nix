let lib = import ../../../lib; in
[ (lib.escapeNixString "a$b") (lib.escapeNixString "say \"hi\"\n") (lib.escapeNixString "\${x}") (lib.escapeNixString "") (lib.escapeNixString "tab\there") ]
