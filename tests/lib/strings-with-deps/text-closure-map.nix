let lib = import ../../../lib; in
let
  predefined = { users = lib.noDepEntry "mkusers"; groups = lib.noDepEntry "mkgroups"; etc = lib.stringAfter [ "users" "groups" ] "mketc"; };
in
lib.textClosureMap (t: "# ${t}") predefined [ "etc" "users" ]
