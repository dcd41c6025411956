let lib = import ../../../lib; in
[ (lib.versionOlder "1.1" "1.2") (lib.versionOlder "1.2" "1.1") (lib.versionOlder "1.1" "1.1") (lib.versionAtLeast "1.2" "1.1")
  (lib.versionAtLeast "1.1" "1.1") (lib.versionAtLeast "1.0" "1.1") (lib.versionOlder "1.0pre" "1.0") (lib.versionAtLeast "2.10" "2.9")
  (lib.versionOlder "24.05" "24.11") (lib.versionAtLeast "1.2.3" "1.2") ]
