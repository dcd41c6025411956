let lib = import ../../../lib; in
[ (lib.getName "hello-2.12") (lib.getVersion "hello-2.12") (lib.getName { pname = "p"; name = "p-1"; }) (lib.getName { name = "x-y-1.0"; })
  (lib.getVersion { version = "3"; name = "n-1"; }) (lib.getVersion { name = "n-1.0.2"; }) (lib.getName "noversion") (lib.getVersion "noversion") ]
