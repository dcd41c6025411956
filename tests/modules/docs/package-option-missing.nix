let lib = import ../../../lib; in
(lib.mkPackageOption { } "absent" { }).default
