let lib = import ../../../lib; in
lib.generators.toPretty { } /etc/hosts
