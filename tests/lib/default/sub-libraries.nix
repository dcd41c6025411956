let lib = import ../../../lib; in
builtins.attrNames (builtins.removeAttrs lib [ "extend" "__unfix__" ]) == builtins.attrNames lib
|| builtins.all (n: builtins.hasAttr n lib) [ "trivial" "attrsets" "lists" "strings" "fixedPoints" "generators" "asserts" "debug" "versions" "meta" "stringsWithDeps" "customisation" "sources" "filesystem" "licenses" "systems" "cli" "modules" "options" "types" ]
