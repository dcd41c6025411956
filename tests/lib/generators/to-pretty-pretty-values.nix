let lib = import ../../../lib; in
[ (lib.generators.toPretty { allowPrettyValues = true; } { __pretty = v: "<${toString v}>"; val = 42; })
  (lib.generators.toPretty { } { __pretty = v: "ignored"; val = 42; }) ]
