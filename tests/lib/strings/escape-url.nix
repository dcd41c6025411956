let lib = import ../../../lib; in
[ (lib.escapeURL "a b/c") (lib.escapeURL "foo=bar&baz?x#y") (lib.escapeURL "unreserved-_.~AZaz09") (lib.escapeURL "") (lib.escapeURL "100%") ]
